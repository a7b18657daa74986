package com.funnelgate.gateway.errors;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Gives every error of a response an {@code extensions.code}: errors raised by our own code already
 * have one; parse, validation, coercion and framework errors get the code their classification
 * stands for, so clients can always switch on the code.
 */
@Component
class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream().map(ErrorCodeInstrumentation::withCode).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
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
