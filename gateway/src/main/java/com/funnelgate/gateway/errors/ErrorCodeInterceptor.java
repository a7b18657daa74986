package com.funnelgate.gateway.errors;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every error of a response an {@code extensions.code}: errors raised by our own code already
 * have one; parse, validation, coercion and framework errors get the code their classification
 * stands for, so clients can always switch on the code.
 *
 * <p>The last interceptor, so it sees every response the GraphQL engine produced, just as it did when
 * it was a graphql-java {@code Instrumentation}. It is not one on purpose: it needs the result only, and
 * a second instrumentation would put the engine back on a {@code ChainedInstrumentation}, whose
 * per-field detours cost about a sixth of a 750-row report's CPU (see {@code GraphQlConfig}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(ErrorCodeInterceptor::withCodes);
    }

    static WebGraphQlResponse withCodes(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.isEmpty()) {
            return response;
        }
        List<GraphQLError> withCodes = errors.stream().map(ErrorCodeInterceptor::withCode).toList();
        return response.transform(builder -> builder.errors(withCodes));
    }

    static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null && extensions.containsKey("code")) {
            return error;
        }
        Map<String, Object> withCode = new LinkedHashMap<>(extensions == null ? Map.of() : extensions);
        withCode.put("code", codeFor(error).name());
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(withCode)
                .build();
    }

    static ErrorCode codeFor(GraphQLError error) {
        if (error instanceof CoercingParseValueException || error instanceof CoercingParseLiteralException) {
            return ErrorCode.BAD_USER_INPUT;
        }
        ErrorClassification type = error.getErrorType();
        if (type == graphql.ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (type == graphql.ErrorType.ValidationError || type == graphql.ErrorType.OperationNotSupported) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (type == graphql.ErrorType.ExecutionAborted) {
            return ErrorCode.QUERY_TOO_COMPLEX;
        }
        if (type == ErrorType.BAD_REQUEST || type == ErrorType.NOT_FOUND) {
            return ErrorCode.BAD_USER_INPUT;
        }
        if (type == ErrorType.UNAUTHORIZED) {
            return ErrorCode.UNAUTHENTICATED;
        }
        if (type == ErrorType.FORBIDDEN) {
            return ErrorCode.FORBIDDEN;
        }
        return ErrorCode.INTERNAL_ERROR;
    }
}
