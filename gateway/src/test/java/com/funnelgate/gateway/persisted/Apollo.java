package com.funnelgate.gateway.persisted;

import com.funnelgate.gateway.support.HttpApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests the way Apollo Client's persisted-queries link does: the hash alone first (POST, or GET with
 * {@code useGETForHashedQueries}), then, after {@code PersistedQueryNotFound}, a POST with query and hash.
 * Uses Apollo Client 4's Accept header.
 */
final class Apollo {

    static final String ACCEPT = "application/graphql-response+json,application/json;q=0.9";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;
    private final String base;

    Apollo(int port) {
        this.client = new HttpApi(port).client();
        this.base = "http://localhost:" + port;
    }

    /** The extensions of an APQ request for this hash. */
    static Map<String, Object> persistedQuery(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    /** POST with the hash only (no query field), as the link's first try. */
    Reply postHash(String key, String operationName, String hash, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operationName", operationName);
        body.put("variables", variables);
        body.put("extensions", persistedQuery(hash));
        return post(key, body);
    }

    /** POST with query and hash, as the link's retry after PersistedQueryNotFound. */
    Reply postQueryAndHash(String key, String operationName, String query, String hash, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operationName", operationName);
        body.put("variables", variables);
        body.put("extensions", persistedQuery(hash));
        body.put("query", query);
        return post(key, body);
    }

    /** GET with the hash only: operationName, variables and extensions as URL parameters. */
    Reply getHash(String key, String operationName, String hash, Map<String, Object> variables) {
        return get(key, "operationName=" + encode(operationName) + "&variables=" + encode(JSON.writeValueAsString(variables))
                + "&extensions=" + encode(JSON.writeValueAsString(persistedQuery(hash))));
    }

    /** GET /graphql with a raw (already encoded) query string. */
    Reply get(String key, String queryString) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(java.net.URI.create(base + "/graphql?" + queryString))
                .header(HttpHeaders.ACCEPT, ACCEPT);
        if (key != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        }
        return reply(request.exchange().expectBody().returnResult());
    }

    /** POST a JSON body. */
    Reply post(String key, Map<String, Object> body) {
        WebTestClient.RequestHeadersSpec<?> request = client.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT, ACCEPT)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .bodyValue(JSON.writeValueAsString(body));
        return reply(request.exchange().expectBody().returnResult());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Reply reply(EntityExchangeResult<byte[]> result) {
        byte[] bytes = result.getResponseBody();
        HttpApi.Answer answer = new HttpApi.Answer(result.getStatus().value(),
                bytes == null ? JSON.nullNode() : JSON.readTree(bytes));
        return new Reply(answer, result.getResponseHeaders());
    }

    /** A response: status and body, and its headers. */
    record Reply(HttpApi.Answer answer, HttpHeaders headers) {

        int status() {
            return answer.status();
        }

        JsonNode data() {
            return answer.data();
        }

        String errorCode() {
            return answer.errorCode();
        }

        String errorMessage() {
            return answer.errorMessage();
        }

        List<String> cacheControl() {
            return headers.getOrEmpty(HttpHeaders.CACHE_CONTROL);
        }
    }
}
