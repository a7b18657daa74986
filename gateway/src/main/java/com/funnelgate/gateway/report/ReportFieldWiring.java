package com.funnelgate.gateway.report;

import com.funnelgate.gateway.graphql.RecordField;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Reads the fields of report rows and metrics straight from their records. graphql-java's default
 * fetcher would find each property through a cache keyed by a string it builds on every call; with
 * a few hundred rows of a dozen fields each, that lookup was a few percent of a report's CPU. As
 * every field of both types is a {@link RecordField}, rows and metrics are completed in one pass
 * each ({@code FlatObjectStrategy}); a field of either type not listed here would keep the default
 * fetcher and take every selection of it off that shortcut.
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
        return RecordField.of(accessor);
    }
}
