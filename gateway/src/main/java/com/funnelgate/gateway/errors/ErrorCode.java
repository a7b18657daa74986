package com.funnelgate.gateway.errors;

/**
 * The machine-readable error codes of the public API, sent as {@code extensions.code} on every
 * GraphQL error and in the body of HTTP-level rejections.
 */
public enum ErrorCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    BAD_USER_INPUT,
    GRAPHQL_PARSE_FAILED,
    GRAPHQL_VALIDATION_FAILED,
    QUERY_TOO_COMPLEX,
    RATE_LIMITED,
    PERSISTED_QUERY_NOT_FOUND,
    PERSISTED_QUERY_REQUIRED,
    SOURCE_UNAVAILABLE,
    SOURCE_TIMEOUT,
    SOURCE_RATE_LIMITED,
    SOURCE_CREDENTIALS_REJECTED,
    INTERNAL_ERROR
}
