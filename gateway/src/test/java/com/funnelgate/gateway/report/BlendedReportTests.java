package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.adconnectors.sandbox.SandboxCatalog;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.adspend.TenantAdAccount;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.BlendedFixture;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.SandboxGatewayTest;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * The blended report against the ad-network sandbox: spend, impressions and clicks from a Meta
 * account in EUR, a Google Ads account in USD and an AdRoll account in GBP, converted to the
 * tenant's USD with the day's rate and joined with funnel events per (period, network, campaign),
 * with every derived metric. GBP rates stop on 2026-10-15, so later AdRoll spend is null, and said.
 */
@SandboxGatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlendedReportTests {

    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 10, 31);
    private static final LocalDate LAST_GBP_RATE = LocalDate.of(2026, 10, 15);

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired AdAccounts adAccounts;
    @Autowired FunnelEventWriter writer;
    @Autowired DatabaseClient db;

    private HttpApi api;
    private BlendedFixture fixture;
    private String key;

    @BeforeAll
    void createTenantWithAccountsAndRates() {
        api = new HttpApi(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        fixture = BlendedFixture.create(tenants.create("America/New_York", "USD", 1, 1), adAccounts, writer, "4100",
                Map.of(AdNetwork.META, "EUR", AdNetwork.GOOGLE_ADS, "USD", AdNetwork.ADROLL, "GBP"), FIRST, LAST);
        key = tenants.key(Role.VIEWER, fixture.tenant().tenant());
        for (LocalDate day = FIRST.minusDays(6); !day.isAfter(LAST); day = day.plusDays(1)) {
            insertRate(day, "EUR", eur(day));
            if (!day.isAfter(LAST_GBP_RATE)) {
                insertRate(day, "GBP", gbp(day));
            }
        }
    }

    @Test
    void spendIsConvertedAndJoinedWithFunnelMetricsPerCampaign() {
        LocalDate to = LocalDate.of(2026, 10, 14);
        JsonNode report = report("range: {from: \"2026-10-01\", to: \"2026-10-14\"}, granularity: TOTAL, groupBy: [CAMPAIGN]",
                "rows { network campaignId campaignName metrics { spend impressions clicks ctr cpc cpm views visitors "
                        + "conversions conversionRate cpa costPerVisitor roas } } totals { spend clicks conversions cpa } "
                        + "sources { source state errorCode timeZone warnings }");
        Map<String, Expected> expected = expected(FIRST, to);
        JsonNode rows = report.path("rows");
        assertThat(rows).hasSize(expected.size());
        BigDecimal totalSpend = BigDecimal.ZERO;
        long conversions = 0;
        for (JsonNode row : rows) {
            Expected campaign = expected.get(row.path("campaignId").asString());
            JsonNode metrics = row.path("metrics");
            assertThat(row.path("network").asString()).isEqualTo(campaign.network.name());
            assertThat(row.path("campaignName").asString()).isEqualTo(campaign.name);
            assertThat(metrics.path("spend").asString()).isEqualTo(money(campaign.spend).toPlainString());
            assertThat(metrics.path("impressions").asLong()).isEqualTo(campaign.impressions);
            assertThat(metrics.path("clicks").asLong()).isEqualTo(campaign.clicks);
            assertThat(metrics.path("views").asLong()).isEqualTo(2 * 14);
            assertThat(metrics.path("conversions").asLong()).isEqualTo(14);
            assertThat(metrics.path("ctr").asDouble()).isEqualTo((double) campaign.clicks / campaign.impressions);
            assertThat(metrics.path("cpa").asString()).isEqualTo(
                    campaign.spend.divide(BigDecimal.valueOf(14), 4, RoundingMode.HALF_EVEN).toPlainString());
            assertThat(metrics.path("cpc").asString()).isEqualTo(
                    campaign.spend.divide(BigDecimal.valueOf(campaign.clicks), 4, RoundingMode.HALF_EVEN).toPlainString());
            assertThat(metrics.path("roas").isNull()).as("no revenue, so ROAS is 0, not null").isFalse();
            totalSpend = totalSpend.add(campaign.spend);
            conversions += 14;
        }
        assertThat(report.path("totals").path("spend").asString()).isEqualTo(money(totalSpend).toPlainString());
        assertThat(report.path("totals").path("conversions").asLong()).isEqualTo(conversions);
        JsonNode sources = report.path("sources");
        assertThat(sources).hasSize(4);
        assertThat(sources.path(0).path("source").asString()).isEqualTo("funnel");
        for (JsonNode source : sources) {
            assertThat(source.path("state").asString()).as(source.toString()).isEqualTo("FRESH");
        }
    }

    @Test
    void aMissingRateMakesTheSpendItWouldConvertNullAndSaysSo() {
        HttpApi.Answer answer = api.graphql(key, "{ report(range: {from: \"2026-10-14\", to: \"2026-10-25\"}, "
                + "groupBy: [NETWORK]) { rows { period network metrics { spend clicks views } } totals { spend } } }");
        JsonNode report = answer.data().path("report");
        for (JsonNode row : report.path("rows")) {
            LocalDate day = LocalDate.parse(row.path("period").asString());
            boolean adRollWithoutRate = row.path("network").asString().equals("ADROLL") && day.isAfter(LAST_GBP_RATE.plusDays(4));
            assertThat(row.path("metrics").path("spend").isNull()).as(row.toString()).isEqualTo(adRollWithoutRate);
            assertThat(row.path("metrics").path("views").asLong()).isPositive();
        }
        assertThat(report.path("totals").path("spend").isNull()).isTrue();
        assertThat(answer.errors()).anySatisfy(error -> {
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("SOURCE_UNAVAILABLE");
            assertThat(error.path("extensions").path("source").asString()).isEqualTo("fx");
            assertThat(error.path("message").asString()).contains("GBP on 2026-10-20").doesNotContain("GBP on 2026-10-19");
        });
    }

    @Test
    void theNetworksFilterAsksOnlyThoseAccounts() {
        JsonNode report = report("range: {from: \"2026-10-01\", to: \"2026-10-07\"}, filter: {networks: [META]}",
                "totals { spend views } sources { source state }");
        assertThat(report.path("sources")).hasSize(2);
        assertThat(report.path("sources").path(1).path("source").asString())
                .isEqualTo(fixture.account(AdNetwork.META).sourceName());
        Expected meta = expected(FIRST, LocalDate.of(2026, 10, 7)).values().stream()
                .filter(e -> e.network == AdNetwork.META).reduce(Expected::plus).orElseThrow();
        assertThat(report.path("totals").path("spend").asString()).isEqualTo(money(meta.spend).toPlainString());
    }

    @Test
    void hourlyReportsAndSiteGroupingsAskNoNetworkAndSayWhy() {
        JsonNode hourly = report("range: {from: \"2026-10-01\", to: \"2026-10-01\"}, granularity: HOUR",
                "totals { spend views } sources { source state warnings }");
        assertThat(hourly.path("totals").path("spend").isNull()).isTrue();
        assertThat(hourly.path("totals").path("views").asLong()).isPositive();
        assertThat(hourly.path("sources")).filteredOn(s -> !s.path("source").asString().equals("funnel"))
                .hasSize(3).allSatisfy(s -> {
                    assertThat(s.path("state").asString()).isEqualTo("SKIPPED");
                    assertThat(s.path("warnings").path(0).asString()).contains("HOUR");
                });
        JsonNode bySite = report("range: {from: \"2026-10-01\", to: \"2026-10-02\"}, groupBy: [SITE]",
                "rows { siteId metrics { spend views } } sources { state }");
        assertThat(bySite.path("rows")).allSatisfy(row -> assertThat(row.path("metrics").path("spend").isNull()).isTrue());
    }

    @Test
    void aQueryForAdMetricsOnlyDoesNotAskTheFunnel() {
        JsonNode report = report("range: {from: \"2026-10-01\", to: \"2026-10-03\"}", "totals { spend clicks } sources { source }");
        assertThat(report.path("sources")).hasSize(3)
                .noneSatisfy(s -> assertThat(s.path("source").asString()).isEqualTo("funnel"));
        assertThat(report.path("totals").path("clicks").asLong()).isPositive();
    }

    @Test
    void anAccountWhoseDaysAreInAnotherZoneSaysSo() {
        JsonNode sources = report("range: {from: \"2026-10-01\", to: \"2026-10-03\"}", "totals { spend } sources { source timeZone warnings }")
                .path("sources");
        JsonNode adRoll = null;
        for (JsonNode source : sources) {
            if (source.path("source").asString().equals(fixture.account(AdNetwork.ADROLL).sourceName())) {
                adRoll = source;
            }
        }
        assertThat(adRoll).isNotNull();
        assertThat(adRoll.path("timeZone").asString()).isEqualTo("UTC");
        assertThat(adRoll.path("warnings").path(0).asString()).contains("UTC").contains("America/New_York");
    }

    private JsonNode report(String arguments, String selection) {
        HttpApi.Answer answer = api.graphql(key, "{ report(" + arguments + ") { " + selection + " } }");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errors().isMissingNode()).as("errors: %s", answer.errors()).isTrue();
        return answer.data().path("report");
    }

    /** What the sandbox reports per campaign over the days, converted to USD as the gateway must. */
    private Map<String, Expected> expected(LocalDate from, LocalDate to) {
        Map<String, Expected> campaigns = new HashMap<>();
        for (TenantAdAccount account : fixture.accounts()) {
            for (AdSpendRow row : SandboxCatalog.expectedRows(account.network(), account.externalId(), from, to,
                    account.currency())) {
                BigDecimal usd = row.spend().multiply(usdPerUnit(row.currency(), row.day()), MathContext.DECIMAL64);
                campaigns.merge(row.campaignId(), new Expected(row.network(), row.campaignName(), usd,
                        row.impressions(), row.clicks()), Expected::plus);
            }
        }
        return campaigns;
    }

    private static BigDecimal usdPerUnit(String currency, LocalDate day) {
        switch (currency) {
            case "EUR":
                return eur(day);
            case "GBP":
                return gbp(day);
            default:
                return BigDecimal.ONE;
        }
    }

    private static BigDecimal eur(LocalDate day) {
        return new BigDecimal("1.10").add(BigDecimal.valueOf(day.getDayOfMonth(), 3));
    }

    private static BigDecimal gbp(LocalDate day) {
        return new BigDecimal("1.25").add(BigDecimal.valueOf(day.getDayOfMonth(), 3));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private void insertRate(LocalDate day, String currency, BigDecimal usdPerUnit) {
        db.sql("insert into fx_rates (day, currency, usd_per_unit) values (:day, :currency, :rate) on conflict do nothing")
                .bind("day", day).bind("currency", currency).bind("rate", usdPerUnit)
                .fetch().rowsUpdated().block();
    }

    private record Expected(AdNetwork network, String name, BigDecimal spend, long impressions, long clicks) {
        Expected plus(Expected other) {
            return new Expected(network, name, spend.add(other.spend), impressions + other.impressions,
                    clicks + other.clicks);
        }
    }
}
