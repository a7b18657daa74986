package com.funnelgate.gateway.persisted;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Lets a request marked read-only (GraphQL context {@link #READ_ONLY} true: what {@code GET /graphql} sends)
 * run only queries: a mutation or subscription it selects is refused with {@link PersistedQueryRejection#NOT_A_QUERY}
 * (HTTP 405). Works on the cached parsed document, so it costs no extra parse.
 */
class ReadOnlyOperations implements PreparsedDocumentProvider {

    /** GraphQL context key: true for requests that may only run queries. */
    static final String READ_ONLY = "funnelgate.readOnly";

    private final PreparsedDocumentProvider documents;

    ReadOnlyOperations(PreparsedDocumentProvider documents) {
        this.documents = documents;
    }

    /** Marks a request's GraphQL context read-only. */
    static void markReadOnly(GraphQLContext.Builder context) {
        context.put(READ_ONLY, true);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return documents.getDocumentAsync(input, parseAndValidate).thenApply(entry -> {
            if (entry.hasErrors() || !Boolean.TRUE.equals(input.getGraphQLContext().get(READ_ONLY))) {
                return entry;
            }
            OperationDefinition operation = selected(entry, input.getOperationName());
            if (operation == null || operation.getOperation() == OperationDefinition.Operation.QUERY) {
                return entry;
            }
            return new PreparsedDocumentEntry(PersistedQueryRejection.NOT_A_QUERY.error("GET runs only queries: send "
                    + "this " + operation.getOperation().name().toLowerCase(java.util.Locale.ROOT) + " with POST."));
        });
    }

    /** The operation a request selects, or null when graphql-java is to report that it selects none. */
    private static OperationDefinition selected(PreparsedDocumentEntry entry, String operationName) {
        List<OperationDefinition> operations = entry.getDocument().getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(op -> operationName.equals(op.getName())).findFirst().orElse(null);
    }
}
