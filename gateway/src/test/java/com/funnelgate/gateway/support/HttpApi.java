package com.funnelgate.gateway.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends GraphQL requests to a running gateway over real HTTP and parses the answers. */
public final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;
    private final String base;

    public HttpApi(int port) {
        this.base = "http://localhost:" + port;
        this.client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    public WebTestClient client() {
        return client;
    }

    /** POSTs a query with the given API key (null for none). */
    public Answer graphql(String apiKey, String query) {
        return graphql(apiKey, query, Map.of());
    }

    /** POSTs a query with variables with the given API key (null for none). */
    public Answer graphql(String apiKey, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return post(apiKey, JSON.writeValueAsString(body));
    }

    /** POSTs a raw body to /graphql. */
    public Answer post(String apiKey, String body) {
        WebTestClient.RequestBodySpec request = client.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON);
        if (apiKey != null) {
            request = request.header("Authorization", "Bearer " + apiKey);
        }
        EntityExchangeResult<byte[]> result = request.bodyValue(body).exchange().expectBody().returnResult();
        byte[] bytes = result.getResponseBody();
        return new Answer(result.getStatus().value(), bytes == null ? JSON.nullNode() : JSON.readTree(bytes));
    }

    /** GETs a path (with its query string, already encoded) with the given API key (null for none). */
    public Answer get(String apiKey, String pathAndQuery) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(java.net.URI.create(base + pathAndQuery))
                .accept(MediaType.APPLICATION_JSON);
        if (apiKey != null) {
            request = request.header("Authorization", "Bearer " + apiKey);
        }
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        byte[] bytes = result.getResponseBody();
        return new Answer(result.getStatus().value(), bytes == null ? JSON.nullNode() : JSON.readTree(bytes));
    }

    /** An HTTP status and the parsed JSON body. */
    public record Answer(int status, JsonNode body) {

        public JsonNode data() {
            return body.path("data");
        }

        public JsonNode errors() {
            return body.path("errors");
        }

        /** The {@code extensions.code} of the first error, or null when there is none. */
        public String errorCode() {
            JsonNode code = errors().path(0).path("extensions").path("code");
            return code.isMissingNode() ? null : code.asString();
        }

        public String errorMessage() {
            return errors().path(0).path("message").asString();
        }
    }
}
