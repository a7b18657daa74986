package com.funnelgate.gateway.errors;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link ApiException} thrown by a data fetcher into a GraphQL error carrying its code.
 * Anything else is left to Spring for GraphQL, which reports it as
 * {@code INTERNAL_ERROR for <executionId>} and keeps the detail in the log.
 */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof ApiException api)) {
            return null;
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(classification(api.code()))
                .message(api.getMessage())
                .extensions(Map.of("code", api.code().name()))
                .build();
    }

    private static ErrorType classification(ErrorCode code) {
        switch (code) {
            case UNAUTHENTICATED:
                return ErrorType.UNAUTHORIZED;
            case FORBIDDEN:
            case PERSISTED_QUERY_REQUIRED:
                return ErrorType.FORBIDDEN;
            case BAD_USER_INPUT:
            case QUERY_TOO_COMPLEX:
            case RATE_LIMITED:
            case PERSISTED_QUERY_NOT_FOUND:
                return ErrorType.BAD_REQUEST;
            default:
                return ErrorType.INTERNAL_ERROR;
        }
    }
}
