package com.funnelgate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.report.DateRange;
import com.funnelgate.gateway.report.Metrics;
import com.funnelgate.gateway.report.Report;
import com.funnelgate.gateway.report.ReportRow;
import com.funnelgate.gateway.support.GatewayTest;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** How the GraphQL engine is put together, where that decides what every request costs. */
@GatewayTest
class GraphQlEngineTests {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Metrics METRICS = new Metrics(null, null, null, 12L, 30L, 9L, 3L, 1L,
            new BigDecimal("45.50"), null, null, null, 0.1, 0.111, null, null, null);
    private static final Report REPORT = new Report("t1", new DateRange(DAY, DAY.plusDays(1)), Granularity.DAY,
            "Europe/Berlin", "EUR", List.of(
                    new ReportRow(DAY, DAY.atStartOfDay().atOffset(ZoneOffset.ofHours(1)), AdNetwork.META, "c1",
                            "Spring", null, null, METRICS),
                    new ReportRow(DAY.plusDays(1), DAY.plusDays(1).atStartOfDay().atOffset(ZoneOffset.ofHours(1)),
                            null, null, null, null, null, METRICS)),
            METRICS, List.of());
    private static final String QUERY = """
            { report(range: {from: "2026-03-02", to: "2026-03-03"}) {
                timeZone
                rows { period periodStart network campaignId metrics { visitors revenue conversionRate } }
                totals { visitors revenue } } }""";

    @Autowired GraphQlSource graphQlSource;
    @Autowired JsonMapper json;

    @Test
    void requestsAreObservedWithoutAChainedInstrumentation() {
        // A ChainedInstrumentation (even of one) costs allocations on every field of every row.
        assertThat(graphQlSource.graphQl().getInstrumentation()).isInstanceOf(GraphQlObservationInstrumentation.class);
    }

    @Test
    void responsesWriteDoublesWithTheFastWriter() {
        // Java 17's Double.toString was a twentieth of a 750-row report's CPU.
        assertThat(json.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)).isTrue();
        assertThat(json.writeValueAsString(List.of(0.1, 1.0 / 3, 2.5e-8))).isEqualTo("[0.1,0.3333333333333333,2.5E-8]");
    }

    @Test
    void reportRowsAndMetricsAreCompletedInOnePassWithTheGatewaysOwnWiring() {
        // The gateway's schema and fetchers, with the report's root field answering a fixed report,
        // and the request observed as the gateway observes it.
        GraphQLSchema schema = graphQlSource.schema().transform(builder -> builder.codeRegistry(
                graphQlSource.schema().getCodeRegistry().transform(registry -> registry.dataFetcher(
                        FieldCoordinates.coordinates("Query", "report"), (DataFetcher<Report>) env -> REPORT))));
        FieldExecutions fields = new FieldExecutions();
        GraphQL gateway = graphQlSource.graphQl().transform(builder -> builder.schema(schema)
                .instrumentation(new ChainedInstrumentation(graphQlSource.graphQl().getInstrumentation(), fields)));
        GraphQL usual = GraphQL.newGraphQL(schema).queryExecutionStrategy(new AsyncExecutionStrategy()).build();

        ExecutionResult answer = gateway.execute(QUERY);

        assertThat(answer.getErrors()).isEmpty();
        assertThat(answer.toSpecification()).isEqualTo(usual.execute(QUERY).toSpecification());
        // report, timeZone, rows, totals: the rows' and metrics' fields are not executed one by one.
        assertThat(fields.count()).isEqualTo(4);
    }
}
