package com.funnelgate.gateway.persisted;

import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.errors.ErrorResponses;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * GraphQL over HTTP, {@code POST /graphql} (Spring Boot routes it here: this bean replaces its handler) and
 * {@code GET /graphql} (routed by {@link GraphQlGetRoute}), with persisted documents: besides a {@code query},
 * a request may name its document by APQ ({@code extensions.persistedQuery}) or by {@code documentId}. Both
 * methods run through the same {@link WebGraphQlHandler} and interceptors, so authentication, policy, errors
 * and codes are the same; GET runs queries only. Responses are Spring's, except that a request refused by the
 * persisted-document stage gets the status of its {@link PersistedQueryRejection} whatever the media type.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Component
public class GraphQlHttpEndpoint extends GraphQlHttpHandler {

    private final WebGraphQlHandler graphQl;

    GraphQlHttpEndpoint(WebGraphQlHandler graphQl) {
        super(graphQl);
        this.graphQl = graphQl;
    }

    @Override
    public Mono<ServerResponse> handleRequest(ServerRequest request) {
        return request.bodyToMono(HttpGraphQlRequest.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("No request body")))
                .flatMap(body -> execute(request, body, false));
    }

    /** {@code GET /graphql?query=…&operationName=…&variables=<json>&extensions=<json>&documentId=…}: queries only. */
    public Mono<ServerResponse> handleGet(ServerRequest request, HttpGraphQlRequest body) {
        return execute(request, body, true);
    }

    private Mono<ServerResponse> execute(ServerRequest request, HttpGraphQlRequest body, boolean readOnly) {
        String document = body.document();
        if (document == null) {
            return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON).bodyValue(ErrorResponses.body(
                    ErrorCode.BAD_USER_INPUT, "The request has no query: send query, documentId or "
                            + "extensions.persistedQuery."));
        }
        if (body.documentId() != null) {
            request.attributes().put(PersistedReference.DOCUMENT_ID_ATTRIBUTE, body.documentId());
        }
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                request.cookies(), request.remoteAddress().orElse(null), request.attributes(),
                new DefaultGraphQlRequest(document, body.operationName(), body.variables(), body.extensions()),
                request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale());
        if (readOnly) {
            graphQlRequest.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(ReadOnlyOperations::markReadOnly).build());
        }
        return graphQl.handleRequest(graphQlRequest).flatMap(response -> prepareResponse(request, response));
    }

    @Override
    protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
        return PersistedQueryRejection.of(response).map(PersistedQueryRejection::status)
                .orElseGet(() -> super.selectResponseStatus(response, mediaType));
    }

    /**
     * The body of a GraphQL-over-HTTP request, with {@code documentId} for persisted documents.
     *
     * @param query the document text, absent when the request names a persisted one
     * @param operationName the operation to run when the document has several
     * @param variables the operation's variables
     * @param extensions protocol extensions, such as APQ's {@code persistedQuery}
     * @param documentId the id of a persisted document ({@code sha256:<hex>} or {@code <hex>})
     */
    public record HttpGraphQlRequest(String query, String operationName, Map<String, Object> variables,
            Map<String, Object> extensions, String documentId) {

        /** The document to execute: the query, or the persisted marker when only a reference is sent. */
        String document() {
            if (query != null && !query.isBlank()) {
                return query;
            }
            boolean persisted = documentId != null || (extensions != null && extensions.containsKey("persistedQuery"));
            return persisted ? PersistedReference.MARKER : null;
        }
    }
}
