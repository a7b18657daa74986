package com.funnelgate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.Coercing;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FlatObjectStrategy} answers exactly what graphql-java's own strategy answers, data and
 * errors alike, for every way a selection can be written and every way a field can fail; and it
 * does so without executing the fields of flat objects one by one.
 */
class FlatObjectStrategyTests {

    private static final String SDL = """
            scalar Money
            enum Network { META GOOGLE_ADS }
            type Query {
              rows: [Row!]!
              row: Row
              broken: Row
              strict: [Strict]
              mixed: [Mixed]
            }
            type Row {
              name: String
              count: Int
              rate: Float
              network: Network
              money: Money
              fails: String
              nick: String
              later: String
              metrics: Metrics!
              maybe: Metrics
            }
            type Metrics { visitors: Int revenue: Money }
            type Strict { id: ID! label: String }
            type Mixed { a: String b: String }
            """;

    record Metrics(Integer visitors, BigDecimal revenue) {
    }

    record Row(String name, Integer count, Double rate, String network, BigDecimal money, Metrics metrics, Metrics maybe) {
    }

    record Strict(String id, String label) {
    }

    record Mixed(String a, String b) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("first", 1, 0.25, "META", new BigDecimal("1.50"), new Metrics(10, new BigDecimal("3.00")), null),
            new Row(null, null, null, null, null, new Metrics(null, null), new Metrics(2, BigDecimal.ONE)),
            new Row("third", 3, 1.0 / 3, "GOOGLE_ADS", new BigDecimal("-1"), new Metrics(30, new BigDecimal("-2")), null));

    /** Serializes non-negative amounts only, so that some values fail the way a bad value does. */
    private static final GraphQLScalarType MONEY = GraphQLScalarType.newScalar().name("Money")
            .coercing(new Coercing<BigDecimal, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    BigDecimal amount = (BigDecimal) value;
                    if (amount.signum() < 0) {
                        throw new CoercingSerializeException("negative amount " + amount);
                    }
                    return amount.toPlainString();
                }
            }).build();

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse(SDL), RuntimeWiring.newRuntimeWiring()
                    .scalar(MONEY)
                    .type("Query", type -> type
                            .dataFetcher("rows", env -> ROWS)
                            .dataFetcher("row", env -> ROWS.get(0))
                            .dataFetcher("broken", env -> new Row("x", 1, 1.0, "META", null, null, null))
                            .dataFetcher("strict", env -> List.of(new Strict("1", "one"), new Strict(null, "none")))
                            .dataFetcher("mixed", env -> List.of(new Mixed("a", "b"))))
                    .type("Row", type -> type
                            .dataFetcher("name", RecordField.of(Row::name))
                            .dataFetcher("count", RecordField.of(Row::count))
                            .dataFetcher("rate", RecordField.of(Row::rate))
                            .dataFetcher("network", RecordField.of(Row::network))
                            .dataFetcher("money", RecordField.of(Row::money))
                            .dataFetcher("fails", RecordField.of((Row row) -> {
                                if (row.name() == null) {
                                    throw new IllegalStateException("no name to fail on");
                                }
                                return row.name();
                            }))
                            // Values graphql-java unboxes (Optional) or waits for (a future).
                            .dataFetcher("nick", RecordField.of((Row row) -> Optional.ofNullable(row.name())))
                            .dataFetcher("later", RecordField.of((Row row) -> CompletableFuture.completedFuture(row.name())))
                            .dataFetcher("metrics", RecordField.of(Row::metrics))
                            .dataFetcher("maybe", RecordField.of(Row::maybe)))
                    .type("Metrics", type -> type
                            .dataFetcher("visitors", RecordField.of(Metrics::visitors))
                            .dataFetcher("revenue", RecordField.of(Metrics::revenue)))
                    .type("Strict", type -> type
                            .dataFetcher("id", RecordField.of(Strict::id))
                            .dataFetcher("label", RecordField.of(Strict::label)))
                    // Mixed.b keeps graphql-java's default fetcher: a selection of it is not flat.
                    .type("Mixed", type -> type.dataFetcher("a", RecordField.of(Mixed::a)))
                    .build());

    @ParameterizedTest
    @ValueSource(strings = {
        "{ rows { name count rate network money metrics { visitors revenue } maybe { visitors } } }",
        "{ rows { a: name b: name name n: network metrics { v: visitors } metrics { revenue } } }",
        "{ rows { ...Named ... on Row { count } } } fragment Named on Row { name __typename metrics { __typename visitors } }",
        "{ rows { __typename } row { __typename metrics { __typename } } }",
        "{ row { name maybe { visitors } metrics { visitors revenue } } }",
        // A value its scalar cannot serialize: an error, and null in its place.
        "{ rows { name money metrics { revenue } } }",
        // A reader that throws: the field's error, as a data fetcher's.
        "{ rows { name fails } }",
        "{ rows { nick later } }",
        // Null in a non-null field: the null moves up to the nearest nullable place.
        "{ broken { name metrics { visitors } } }",
        "{ strict { id label } }",
        "{ mixed { a b } }",
    })
    void answersWhatGraphqlJavaAnswers(String query) {
        ExecutionResult usual = execute(usualEngine(), ExecutionInput.newExecutionInput(query).build());
        ExecutionResult flat = execute(flatEngine(), ExecutionInput.newExecutionInput(query).build());

        assertThat(flat.toSpecification()).isEqualTo(usual.toSpecification());
        assertThat((Object) usual.getData()).as("data, null or not, for every query").isNotNull();
    }

    @Test
    void skipAndIncludeFollowTheirVariables() {
        String query = "query($on: Boolean!) { rows { name @skip(if: $on) count @include(if: $on) metrics @include(if: $on) { visitors } } }";
        for (boolean on : new boolean[] {true, false}) {
            ExecutionInput input = ExecutionInput.newExecutionInput(query).variables(Map.of("on", on)).build();
            ExecutionInput again = ExecutionInput.newExecutionInput(query).variables(Map.of("on", on)).build();

            assertThat(execute(flatEngine(), input).toSpecification())
                    .isEqualTo(execute(usualEngine(), again).toSpecification());
        }
    }

    @Test
    void answersInTheSelectionsOrder() {
        Map<String, Object> data = execute(flatEngine(),
                ExecutionInput.newExecutionInput("{ row { rate name metrics { revenue visitors } count } }").build()).getData();

        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) data.get("row");
        assertThat(row).containsExactly(
                Map.entry("rate", 0.25), Map.entry("name", "first"),
                Map.entry("metrics", Map.of("revenue", "3.00", "visitors", 10)), Map.entry("count", 1));
    }

    @Test
    void completesFlatObjectsWithoutExecutingTheirFieldsOneByOne() {
        String query = "{ rows { name count metrics { visitors } } mixed { a b } }";
        FieldExecutions usualFields = new FieldExecutions();
        FieldExecutions flatFields = new FieldExecutions();

        execute(usualEngine().transform(builder -> builder.instrumentation(usualFields)),
                ExecutionInput.newExecutionInput(query).build());
        execute(flatEngine().transform(builder -> builder.instrumentation(flatFields)),
                ExecutionInput.newExecutionInput(query).build());

        // rows (1) + 3 rows x (name, count, metrics, visitors) + mixed (1) + a, b
        assertThat(usualFields.count()).isEqualTo(1 + 3 * 4 + 1 + 2);
        // the two root fields, and Mixed's fields: b is not a RecordField
        assertThat(flatFields.count()).isEqualTo(1 + 1 + 2);
    }

    @Test
    void executesFieldByFieldWhenTheRequestHasDataLoaders() {
        // Data loaders are dispatched as each level's objects are executed: none may be skipped.
        String query = "{ rows { name metrics { visitors } } }";
        DataLoaderRegistry loaders = DataLoaderRegistry.newRegistry()
                .register("names", DataLoaderFactory.newDataLoader(
                        (List<String> keys) -> CompletableFuture.completedFuture(keys)))
                .build();
        FieldExecutions fields = new FieldExecutions();

        ExecutionResult result = execute(flatEngine().transform(builder -> builder.instrumentation(fields)),
                ExecutionInput.newExecutionInput(query).dataLoaderRegistry(loaders).build());

        assertThat(result.getErrors()).isEmpty();
        assertThat(fields.count()).isEqualTo(1 + 3 * 3);
    }

    private static GraphQL usualEngine() {
        return GraphQL.newGraphQL(SCHEMA).build();
    }

    private static GraphQL flatEngine() {
        return GraphQL.newGraphQL(SCHEMA).queryExecutionStrategy(new FlatObjectStrategy(new SimpleDataFetcherExceptionHandler())).build();
    }

    private static ExecutionResult execute(GraphQL engine, ExecutionInput input) {
        return engine.execute(input);
    }
}
