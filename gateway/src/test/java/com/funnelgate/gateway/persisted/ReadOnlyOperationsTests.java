package com.funnelgate.gateway.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.support.TestSchemas;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Parsed documents are cached by text, and a read-only (GET) request may run only queries: graphql-java
 * with the two providers Spring Boot gets, on a schema that has a mutation.
 */
class ReadOnlyOperationsTests {

    private static final GraphQLSchema SCHEMA = TestSchemas.of("type Query { hello: String } type Mutation { bump: Int }");

    private final DocumentCache cache = new DocumentCache(10);
    private final GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(new ReadOnlyOperations(cache)).build();

    @Test
    void aReadOnlyRequestMayRunAQueryButNotAMutation() {
        assertThat(graphQl.execute(readOnly("{ hello }")).getErrors()).isEmpty();
        var mutation = graphQl.execute(readOnly("mutation Bump { bump }"));
        assertThat(mutation.isDataPresent()).isFalse();
        assertThat(mutation.getErrors().get(0).getErrorType()).isEqualTo(PersistedQueryRejection.NOT_A_QUERY);
        assertThat(mutation.getErrors().get(0).getMessage()).contains("send this mutation with POST");
        assertThat(graphQl.execute(ExecutionInput.newExecutionInput("mutation Bump { bump }")).getErrors()).isEmpty();
    }

    @Test
    void aDocumentIsParsedOnceWhateverTheRequest() {
        AtomicInteger before = new AtomicInteger((int) cache.parses());
        graphQl.execute("query A { hello }");
        graphQl.execute("query A { hello }");
        graphQl.execute(readOnly("query A { hello }"));
        assertThat(cache.parses()).isEqualTo(before.get() + 1);
        assertThat(cache.contains("query A { hello }")).isTrue();
    }

    private static ExecutionInput readOnly(String query) {
        return ExecutionInput.newExecutionInput(query).graphQLContext(ReadOnlyOperations::markReadOnly).build();
    }
}
