package com.funnelgate.gateway.persisted;

import com.funnelgate.gateway.errors.ErrorCode;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;

/**
 * Why a request was refused before it ran, as a GraphQL error classification that also carries the HTTP
 * status the transport answers with, whatever the response media type. {@link #APQ_NOT_FOUND} follows the
 * Apollo protocol: HTTP 200, message {@code PersistedQueryNotFound}, code {@code PERSISTED_QUERY_NOT_FOUND},
 * not cacheable, so Apollo Client retries with the query instead of giving up on persisted queries.
 */
public enum PersistedQueryRejection implements ErrorClassification {

    /** An APQ hash this gateway does not know (yet). */
    APQ_NOT_FOUND(HttpStatus.OK, ErrorCode.PERSISTED_QUERY_NOT_FOUND),
    /** A {@code documentId} that names no document. */
    DOCUMENT_NOT_FOUND(HttpStatus.NOT_FOUND, ErrorCode.PERSISTED_QUERY_NOT_FOUND),
    /** A malformed persisted-query reference, or a hash that is not the query's. */
    BAD_REFERENCE(HttpStatus.BAD_REQUEST, ErrorCode.BAD_USER_INPUT),
    /** A free-form document from a key that may run only trusted operations. */
    REQUIRED(HttpStatus.FORBIDDEN, ErrorCode.PERSISTED_QUERY_REQUIRED),
    /** A mutation or subscription sent with GET. */
    NOT_A_QUERY(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.BAD_USER_INPUT);

    /** The message of {@link #APQ_NOT_FOUND}, which Apollo clients match on. */
    public static final String APQ_NOT_FOUND_MESSAGE = "PersistedQueryNotFound";

    private final HttpStatus status;
    private final ErrorCode code;

    PersistedQueryRejection(HttpStatus status, ErrorCode code) {
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    /** Shown as {@code extensions.classification}: the error code, not the internal name of the rejection. */
    @Override
    public Object toSpecification(GraphQLError error) {
        return code.name();
    }

    /** The GraphQL error of this rejection. */
    public GraphQLError error(String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(this)
                .extensions(Map.of("code", code.name()))
                .build();
    }

    /** A response to the request that carries only this error: the request is not executed. */
    public WebGraphQlResponse respond(WebGraphQlRequest request, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error(message)).build();
        WebGraphQlResponse response = new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
        if (this == APQ_NOT_FOUND) {
            response.getResponseHeaders().setCacheControl(CacheControl.noCache().cachePrivate().mustRevalidate());
        }
        return response;
    }

    /** The rejection a response stands for: when it has no data and its first error is one. */
    public static Optional<PersistedQueryRejection> of(WebGraphQlResponse response) {
        if (response.getExecutionResult().isDataPresent() || response.getErrors().isEmpty()) {
            return Optional.empty();
        }
        ResponseError first = response.getErrors().get(0);
        return first.getErrorType() instanceof PersistedQueryRejection rejection ? Optional.of(rejection)
                : Optional.empty();
    }
}
