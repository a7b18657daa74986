package com.funnelgate.gateway.bi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the BI endpoint over real HTTP the way a BI tool does: a GET with the key, parameters in the URL. */
final class BiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;
    private final String base;

    BiClient(int port) {
        this.base = "http://localhost:" + port;
        this.client = WebTestClient.bindToServer().baseUrl(base).responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** GET {@code /v1/reports/<pathAndQuery>} with the key (null for none) and any further headers. */
    Reply get(String key, String pathAndQuery, Consumer<HttpHeaders> headers) {
        EntityExchangeResult<byte[]> result = client.get().uri(java.net.URI.create(base + "/v1/reports/" + pathAndQuery))
                .headers(h -> {
                    if (key != null) {
                        h.setBearerAuth(key);
                    }
                    headers.accept(h);
                })
                .exchange().expectBody().returnResult();
        byte[] body = result.getResponseBody();
        return new Reply(result.getStatus().value(), result.getResponseHeaders(),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    Reply get(String key, String pathAndQuery) {
        return get(key, pathAndQuery, headers -> { });
    }

    /** A response: status, headers and body text. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String errorCode() {
            return json().path("errors").path(0).path("extensions").path("code").asString();
        }

        String errorMessage() {
            return json().path("errors").path(0).path("message").asString();
        }

        String[] lines() {
            return body.split("\r\n");
        }
    }
}
