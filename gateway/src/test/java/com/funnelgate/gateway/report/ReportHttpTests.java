package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.funnel.FunnelEvent;
import com.funnelgate.gateway.funnel.FunnelEventType;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.funnel.FunnelRollup;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.GatewayTest;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The {@code report} query over HTTP for one tenant in America/New_York, around the day its clocks
 * go back (2026-11-01 has 25 hours): metrics, periods, groupings, the unattributed row, and that an
 * event written after the last rollup is in the next report.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportHttpTests {

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired FunnelEventWriter writer;
    @Autowired FunnelRollup rollup;

    private HttpApi api;
    private TestTenant tenant;
    private String key;
    private long site1;
    private long site2;
    private long cta1;
    private long cta2;

    @BeforeAll
    void createTenantWithEvents() {
        api = new HttpApi(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        tenant = tenants.create("America/New_York", "USD", 2, 1);
        key = tenants.key(Role.VIEWER, tenant.tenant());
        site1 = tenant.sites().get(0).id();
        site2 = tenant.sites().get(1).id();
        cta1 = tenant.sites().get(0).ctaIds().get(0);
        cta2 = tenant.sites().get(1).ctaIds().get(0);
        List<FunnelEvent> events = new ArrayList<>();
        // 01:30 EDT and 01:30 EST on the day clocks go back: the same local time, two hours.
        events.add(event(site1, cta1, 1, FunnelEventType.VIEW, "2026-11-01T05:30:00Z", AdNetwork.META, "m1", null));
        events.add(event(site1, cta1, 1, FunnelEventType.VIEW, "2026-11-01T06:30:00Z", AdNetwork.META, "m1", null));
        events.add(event(site2, cta2, 2, FunnelEventType.ENGAGE, "2026-11-01T06:45:00Z", AdNetwork.GOOGLE_ADS, "g1", null));
        events.add(event(site1, cta1, 1, FunnelEventType.CONVERT, "2026-11-02T14:00:00Z", null, null, null));
        events.add(event(site1, cta1, 1, FunnelEventType.COMPLETE, "2026-11-02T15:00:00Z", null, null, "49.90"));
        events.add(event(site2, cta2, 3, FunnelEventType.VIEW, "2026-11-03T16:00:00Z", AdNetwork.META, "m2", null));
        writer.write(Flux.fromIterable(events)).block();
        rollup.runOnce().block();
    }

    @Test
    void dailyRowsCountVisitorsExactlyAndTotalsAreNotTheirSum() {
        JsonNode report = report("range: {from: \"2026-11-01\", to: \"2026-11-03\"}",
                "rows { period periodStart metrics { visitors views engagements conversions completions revenue } } "
                        + "totals { visitors views engagements conversions completions revenue conversionRate completionRate }");
        JsonNode rows = report.path("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.path(0).path("period").asString()).isEqualTo("2026-11-01");
        assertThat(rows.path(0).path("periodStart").asString()).isEqualTo("2026-11-01T00:00-04:00");
        assertThat(rows.path(1).path("periodStart").asString()).isEqualTo("2026-11-02T00:00-05:00");
        assertMetrics(rows.path(0).path("metrics"), 2, 2, 1, 0, 0, "0.00");
        assertMetrics(rows.path(1).path("metrics"), 1, 0, 0, 1, 1, "49.90");
        assertMetrics(rows.path(2).path("metrics"), 1, 1, 0, 0, 0, "0.00");
        JsonNode totals = report.path("totals");
        assertMetrics(totals, 3, 3, 1, 1, 1, "49.90");
        assertThat(totals.path("conversionRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(totals.path("completionRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theDayClocksGoBackHas25HourlyRowsAndTheRepeatedHourTwice() {
        JsonNode rows = report("range: {from: \"2026-11-01\", to: \"2026-11-01\"}, granularity: HOUR",
                "rows { period periodStart metrics { views engagements } }").path("rows");
        assertThat(rows).hasSize(25);
        assertThat(rows.path(1).path("periodStart").asString()).isEqualTo("2026-11-01T01:00-04:00");
        assertThat(rows.path(1).path("metrics").path("views").asLong()).isEqualTo(1);
        assertThat(rows.path(2).path("periodStart").asString()).isEqualTo("2026-11-01T01:00-05:00");
        assertThat(rows.path(2).path("metrics").path("views").asLong()).isEqualTo(1);
        assertThat(rows.path(2).path("metrics").path("engagements").asLong()).isEqualTo(1);
        assertThat(rows.path(3).path("periodStart").asString()).isEqualTo("2026-11-01T02:00-05:00");
    }

    @Test
    void theDayClocksGoForwardHas23HourlyRows() {
        JsonNode rows = report("range: {from: \"2026-03-08\", to: \"2026-03-08\"}, granularity: HOUR",
                "rows { periodStart }").path("rows");
        assertThat(rows).hasSize(23);
        assertThat(rows.path(2).path("periodStart").asString()).isEqualTo("2026-03-08T03:00-04:00");
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        JsonNode weeks = report("range: {from: \"2026-11-01\", to: \"2026-11-03\"}, granularity: WEEK",
                "rows { period metrics { views } }").path("rows");
        assertThat(weeks).hasSize(2);
        assertThat(weeks.path(0).path("period").asString()).isEqualTo("2026-10-26");
        assertThat(weeks.path(0).path("metrics").path("views").asLong()).isEqualTo(2);
        assertThat(weeks.path(1).path("period").asString()).isEqualTo("2026-11-02");
        JsonNode months = report("range: {from: \"2026-10-15\", to: \"2026-11-20\"}, granularity: MONTH",
                "rows { period metrics { views } }").path("rows");
        assertThat(months).hasSize(2);
        assertThat(months.path(0).path("period").asString()).isEqualTo("2026-10-01");
        assertThat(months.path(1).path("period").asString()).isEqualTo("2026-11-01");
        assertThat(months.path(1).path("metrics").path("views").asLong()).isEqualTo(3);
    }

    @Test
    void groupingByNetworkGivesUnattributedTrafficItsOwnRowSoRowsAddUpToTotals() {
        JsonNode report = report("range: {from: \"2026-11-01\", to: \"2026-11-03\"}, granularity: TOTAL, groupBy: [NETWORK]",
                "rows { period network campaignId metrics { views conversions } } totals { views conversions }");
        JsonNode rows = report.path("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.path(0).path("network").asString()).isEqualTo("META");
        assertThat(rows.path(0).path("period").isNull()).isTrue();
        assertThat(rows.path(0).path("metrics").path("views").asLong()).isEqualTo(3);
        assertThat(rows.path(1).path("network").asString()).isEqualTo("GOOGLE_ADS");
        assertThat(rows.path(2).path("network").isNull()).isTrue();
        assertThat(rows.path(2).path("metrics").path("conversions").asLong()).isEqualTo(1);
        long views = 0;
        for (JsonNode row : rows) {
            views += row.path("metrics").path("views").asLong();
        }
        assertThat(views).isEqualTo(report.path("totals").path("views").asLong());
    }

    @Test
    void groupingByCampaignSiteAndCtaNamesEachRowsValues() {
        JsonNode rows = report("range: {from: \"2026-11-01\", to: \"2026-11-03\"}, granularity: TOTAL, "
                + "groupBy: [CAMPAIGN, SITE, CTA]", "rows { network campaignId siteId ctaId metrics { views } }").path("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.path(0).path("campaignId").asString()).isEqualTo("m1");
        assertThat(rows.path(0).path("siteId").asString()).isEqualTo(Long.toString(site1));
        assertThat(rows.path(0).path("ctaId").asString()).isEqualTo(Long.toString(cta1));
        assertThat(rows.path(0).path("metrics").path("views").asLong()).isEqualTo(2);
        assertThat(rows.path(1).path("campaignId").asString()).isEqualTo("m2");
        assertThat(rows.path(1).path("siteId").asString()).isEqualTo(Long.toString(site2));
    }

    @Test
    void filtersKeepOnlyTheNamedNetworksSitesAndCtas() {
        JsonNode meta = report("range: {from: \"2026-11-01\", to: \"2026-11-03\"}, granularity: TOTAL, "
                + "filter: {networks: [META]}", "totals { views engagements visitors }").path("totals");
        assertThat(meta.path("views").asLong()).isEqualTo(3);
        assertThat(meta.path("engagements").asLong()).isZero();
        JsonNode site = report("range: {from: \"2026-11-01\", to: \"2026-11-03\"}, granularity: TOTAL, "
                + "filter: {siteIds: [\"" + site2 + "\"], ctaIds: [\"" + cta2 + "\"]}", "totals { views engagements }")
                .path("totals");
        assertThat(site.path("views").asLong()).isEqualTo(1);
        assertThat(site.path("engagements").asLong()).isEqualTo(1);
    }

    @Test
    void anEventWrittenAfterTheLastRollupIsInTheNextReport() {
        String range = "range: {from: \"2026-11-10\", to: \"2026-11-10\"}, granularity: TOTAL";
        assertThat(report(range, "totals { views }").path("totals").path("views").asLong()).isZero();
        writer.write(Flux.just(event(site1, cta1, 9, FunnelEventType.VIEW, "2026-11-10T12:00:00Z", null, null, null)))
                .block();
        assertThat(report(range, "totals { views }").path("totals").path("views").asLong()).isEqualTo(1);
    }

    @Test
    void adMetricsAreNullAndTheAdSourceIsSkippedUntilAdDataIsWiredIn() {
        JsonNode report = report("range: {from: \"2026-11-01\", to: \"2026-11-03\"}, granularity: TOTAL",
                "totals { spend clicks cpa views } sources { source kind state errorCode latencyMs }");
        assertThat(report.path("totals").path("spend").isNull()).isTrue();
        assertThat(report.path("totals").path("cpa").isNull()).isTrue();
        assertThat(report.path("totals").path("views").asLong()).isEqualTo(3);
        JsonNode sources = report.path("sources");
        assertThat(sources).hasSize(2);
        assertThat(sources.path(0).path("source").asString()).isEqualTo("funnel");
        assertThat(sources.path(0).path("state").asString()).isEqualTo("FRESH");
        assertThat(sources.path(1).path("kind").asString()).isEqualTo("AD_NETWORK");
        assertThat(sources.path(1).path("state").asString()).isEqualTo("SKIPPED");
    }

    @Test
    void theReportNamesTheTenantsZoneAndCurrency() {
        JsonNode report = report("range: {from: \"2026-11-01\", to: \"2026-11-03\"}",
                "tenantId timeZone currency granularity range { from to }");
        assertThat(report.path("tenantId").asString()).isEqualTo(Long.toString(tenant.id()));
        assertThat(report.path("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(report.path("currency").asString()).isEqualTo("USD");
        assertThat(report.path("granularity").asString()).isEqualTo("DAY");
        assertThat(report.path("range").path("to").asString()).isEqualTo("2026-11-03");
    }

    @Test
    void variablesWork() {
        HttpApi.Answer answer = api.graphql(key, "query($range: DateRangeInput!, $by: [Dimension!]) "
                        + "{ report(range: $range, granularity: TOTAL, groupBy: $by) { rows { network metrics { views } } } }",
                Map.of("range", Map.of("from", "2026-11-01", "to", "2026-11-03"), "by", List.of("NETWORK")));
        assertThat(answer.errors().isMissingNode()).isTrue();
        assertThat(answer.data().path("report").path("rows")).hasSize(3);
    }

    private JsonNode report(String arguments, String selection) {
        HttpApi.Answer answer = api.graphql(key, "{ report(" + arguments + ") { " + selection + " } }");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errors().isMissingNode()).as("errors: %s", answer.errors()).isTrue();
        return answer.data().path("report");
    }

    private static void assertMetrics(JsonNode metrics, long visitors, long views, long engagements, long conversions,
            long completions, String revenue) {
        assertThat(metrics.path("visitors").asLong()).as("visitors").isEqualTo(visitors);
        assertThat(metrics.path("views").asLong()).as("views").isEqualTo(views);
        assertThat(metrics.path("engagements").asLong()).as("engagements").isEqualTo(engagements);
        assertThat(metrics.path("conversions").asLong()).as("conversions").isEqualTo(conversions);
        assertThat(metrics.path("completions").asLong()).as("completions").isEqualTo(completions);
        assertThat(metrics.path("revenue").asString()).as("revenue").isEqualTo(revenue);
    }

    private FunnelEvent event(long site, long cta, long visitor, FunnelEventType type, String at, AdNetwork network,
            String campaign, String revenue) {
        return new FunnelEvent(tenant.id(), site, cta, visitor, type, Instant.parse(at), null, null, null, network,
                campaign, revenue == null ? null : new BigDecimal(revenue));
    }
}
