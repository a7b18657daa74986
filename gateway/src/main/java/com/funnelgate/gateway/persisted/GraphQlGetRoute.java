package com.funnelgate.gateway.persisted;

import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.errors.ErrorResponses;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes {@code GET /graphql} (not a WebSocket upgrade) to {@link GraphQlHttpEndpoint}: the GraphQL-over-HTTP
 * GET form, with {@code query}, {@code operationName}, {@code documentId} as parameters and {@code variables}
 * and {@code extensions} as JSON in parameters, which is what Apollo Client sends for hashed queries
 * ({@code useGETForHashedQueries}). Ordered before Spring Boot's GraphQL routes, which allow only POST.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Configuration(proxyBeanMethods = false)
class GraphQlGetRoute {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlGet(GraphQlHttpEndpoint endpoint, JsonMapper json) {
        return RouterFunctions.route(RequestPredicates.GET("/graphql").and(RequestPredicates.headers(headers ->
                        !"websocket".equalsIgnoreCase(headers.firstHeader(HttpHeaders.UPGRADE)))),
                request -> handle(request, endpoint, json));
    }

    private static Mono<ServerResponse> handle(ServerRequest request, GraphQlHttpEndpoint endpoint, JsonMapper json) {
        GraphQlHttpEndpoint.HttpGraphQlRequest body;
        try {
            body = new GraphQlHttpEndpoint.HttpGraphQlRequest(
                    request.queryParam("query").orElse(null),
                    request.queryParam("operationName").filter(name -> !name.isEmpty()).orElse(null),
                    object(request, "variables", json),
                    object(request, "extensions", json),
                    request.queryParam("documentId").orElse(null));
        } catch (IllegalArgumentException e) {
            return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ErrorResponses.body(ErrorCode.BAD_USER_INPUT, e.getMessage()));
        }
        return endpoint.handleGet(request, body);
    }

    private static Map<String, Object> object(ServerRequest request, String name, JsonMapper json) {
        String text = request.queryParam(name).orElse(null);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, OBJECT);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The " + name + " parameter must be a JSON object, "
                    + "URL-encoded: " + name + "={\"key\":…}.");
        }
    }
}
