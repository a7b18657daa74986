package com.funnelgate.gateway.report;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Reads the fields of report rows and metrics straight from their records. graphql-java's default
 * fetcher would find each property through a cache keyed by a string it builds on every call; with
 * a few hundred rows of a dozen fields each, that lookup was a few percent of a report's CPU. The
 * fetchers are trivial ones, as the default is: no observation, no context propagation. A field not
 * listed here keeps the default fetcher.
 */
@Configuration(proxyBeanMethods = false)
class ReportFieldWiring {

    @Bean
    RuntimeWiringConfigurer reportFields() {
        return wiring -> wiring
                .type("ReportRow", type -> type
                        .dataFetcher("period", field(ReportRow::period))
                        .dataFetcher("periodStart", field(ReportRow::periodStart))
                        .dataFetcher("network", field(ReportRow::network))
                        .dataFetcher("campaignId", field(ReportRow::campaignId))
                        .dataFetcher("campaignName", field(ReportRow::campaignName))
                        .dataFetcher("siteId", field(ReportRow::siteId))
                        .dataFetcher("ctaId", field(ReportRow::ctaId))
                        .dataFetcher("metrics", field(ReportRow::metrics)))
                .type("Metrics", type -> type
                        .dataFetcher("spend", field(Metrics::spend))
                        .dataFetcher("impressions", field(Metrics::impressions))
                        .dataFetcher("clicks", field(Metrics::clicks))
                        .dataFetcher("visitors", field(Metrics::visitors))
                        .dataFetcher("views", field(Metrics::views))
                        .dataFetcher("engagements", field(Metrics::engagements))
                        .dataFetcher("conversions", field(Metrics::conversions))
                        .dataFetcher("completions", field(Metrics::completions))
                        .dataFetcher("revenue", field(Metrics::revenue))
                        .dataFetcher("ctr", field(Metrics::ctr))
                        .dataFetcher("cpc", field(Metrics::cpc))
                        .dataFetcher("cpm", field(Metrics::cpm))
                        .dataFetcher("conversionRate", field(Metrics::conversionRate))
                        .dataFetcher("completionRate", field(Metrics::completionRate))
                        .dataFetcher("cpa", field(Metrics::cpa))
                        .dataFetcher("costPerVisitor", field(Metrics::costPerVisitor))
                        .dataFetcher("roas", field(Metrics::roas)));
    }

    private static <S> RecordField<S> field(Function<S, ?> accessor) {
        return new RecordField<>(accessor);
    }

    /** One component of the source record, read without building an environment. */
    private record RecordField<S>(Function<S, ?> accessor) implements LightDataFetcher<Object> {

        @Override
        @SuppressWarnings("unchecked")
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
            return accessor.apply((S) source);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }
    }
}
