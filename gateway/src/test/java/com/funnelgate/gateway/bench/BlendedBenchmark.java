package com.funnelgate.gateway.bench;

import static com.funnelgate.gateway.bench.Bench.line;
import static com.funnelgate.gateway.bench.Bench.progress;
import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.AdNetworkSandbox;
import com.funnelgate.adconnectors.sandbox.SandboxFault;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.funnel.FunnelRollup;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.BlendedFixture;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The blended-report benchmark: a tenant with a Meta, a Google Ads and an AdRoll account (in USD,
 * EUR and GBP, converted to the tenant's EUR) on the ad-network sandbox, whose answers are delayed
 * by 50, 100 and 150 ms, plus its funnel events in the store (rolled up). Measures the last 30 days
 * by DAY, grouped by CAMPAIGN, with spend, funnel and every derived metric, end to end over HTTP in
 * closed loops (1 client, then a moderate 4 and 8), results cache off so every request asks all four
 * sources. Then Meta hangs (never answers) and the same loop runs again: every answer must come
 * by the request deadline with the funnel, Google Ads and AdRoll data in it and Meta FAILED.
 *
 * <p>Targets (issue 4): p95 at most 1.1 x 150 ms + 20 ms = 185 ms when all answer; p99 at most the
 * deadline + 50 ms with one hanging. Not a timed test: it asserts only that the answers are right.
 *
 * <p>Run with {@code ./mvnw -Pbench -pl gateway -am verify -Dtest=BlendedBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Knobs (system properties): {@code bench.blended.concurrency}
 * (1,4,8), {@code bench.blended.requests} (1000 per concurrency), {@code bench.blended.hang.requests} (400).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "funnelgate.embedded-postgres.database=funnelgate_bench_blended",
    "funnelgate.sandbox.enabled=true",
    "funnelgate.sandbox.latency.META=50ms",
    "funnelgate.sandbox.latency.GOOGLE_ADS=100ms",
    "funnelgate.sandbox.latency.ADROLL=150ms",
    "funnelgate.fx.source=DEMO",
    "funnelgate.report.deadline=1s",
    "funnelgate.rollup.enabled=false",
    // Every request goes to every source: this measures the fan-out, not the results cache.
    "funnelgate.cache.enabled=false",
    AsInProduction.NO_R2DBC_OBSERVATION})
@ActiveProfiles("test")
class BlendedBenchmark {

    private static final List<Integer> CONCURRENCY = Arrays.stream(
            System.getProperty("bench.blended.concurrency", "1,4,8").split(",")).map(String::trim)
            .map(Integer::valueOf).toList();
    private static final int REQUESTS = Integer.getInteger("bench.blended.requests", 1000);
    private static final int HANG_REQUESTS = Integer.getInteger("bench.blended.hang.requests", 400);
    private static final int WARMUP = 500;
    private static final int SETTLE = 100;
    private static final String QUERY = Bench.BLENDED_REPORT.formatted("CAMPAIGN");
    private static final JsonMapper JSON = Bench.JSON;

    @LocalServerPort int port;
    @Value("${funnelgate.report.deadline}") Duration deadline;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired AdAccounts adAccounts;
    @Autowired FunnelEventWriter writer;
    @Autowired FunnelRollup rollup;
    @Autowired AdNetworkSandbox sandbox;
    @Autowired CircuitBreakerRegistry breakers;

    @Test
    void blendedReportWithThreeSlowNetworksAndThenOneHanging() {
        TestTenants tenants = new TestTenants(provisioning, keys);
        var tenant = tenants.create("Europe/Berlin", "EUR", 1, 1);
        LocalDate to = LocalDate.now(tenant.tenant().timeZone());
        LocalDate from = to.minusDays(29);
        BlendedFixture fixture = BlendedFixture.create(tenant, adAccounts, writer, "7100",
                Map.of(AdNetwork.META, "USD", AdNetwork.GOOGLE_ADS, "EUR", AdNetwork.ADROLL, "GBP"), from, to);
        rollup.runOnce().block(Duration.ofMinutes(1));
        ClosedLoop loop = new ClosedLoop(port, tenants.key(Role.VIEWER, tenant.tenant()), Bench.body(QUERY, from, to));

        String first = loop.once();
        JsonNode report = JSON.readTree(first).path("data").path("report");
        assertThat(report.path("sources").findValuesAsString("state")).as("every source answered")
                .hasSize(4).containsOnly("FRESH");
        assertThat(report.path("totals").path("spend").isNull()).as("spend of all three networks").isFalse();
        assertThat(report.path("totals").path("visitors").asLong()).as("the funnel's visitors").isPositive();

        Map<String, Latencies> allAnswer = new LinkedHashMap<>();
        int most = CONCURRENCY.stream().max(Integer::compare).orElseThrow();
        // A cold JVM may miss the deadline now and then: warm-up answers need only be 200s.
        loop.run(1, WARMUP / 2, answer -> { });
        loop.run(most, WARMUP, answer -> { });
        Map<AdNetwork, Long> before = Bench.networkCalls(sandbox);
        int measured = 0;
        for (int concurrency : CONCURRENCY) {
            progress("all sources answer: %d requests at concurrency %d", REQUESTS, concurrency);
            loop.run(concurrency, SETTLE, first);
            allAnswer.put("c=" + concurrency, loop.run(concurrency, REQUESTS, first));
            measured += SETTLE + REQUESTS;
        }
        Map<AdNetwork, Long> after = Bench.networkCalls(sandbox);

        String meta = fixture.account(AdNetwork.META).sourceName();
        sandbox.setFault(AdNetwork.META, SandboxFault.HANG);
        Map<String, LongAdder> metaErrors = new ConcurrentHashMap<>();
        progress("Meta hangs: %d requests at concurrency %d", HANG_REQUESTS, most);
        loop.run(most, SETTLE, answer -> checkWithoutMeta(answer, meta, metaErrors));
        metaErrors.clear();
        Latencies hanging = loop.run(most, HANG_REQUESTS, answer -> checkWithoutMeta(answer, meta, metaErrors));
        sandbox.reset();

        StringBuilder out = new StringBuilder("\n");
        line(out, "Funnelgate blended report benchmark, %s", LocalDate.now());
        line(out, "  machine    %s", Machine.describe());
        line(out, "  query      last 30 days (%s to %s, Europe/Berlin), DAY, groupBy CAMPAIGN: spend, funnel and "
                + "derived metrics", from, to);
        line(out, "             answer: %d rows, %,d bytes of JSON; sources: funnel store + Meta (USD), "
                + "Google Ads (EUR), AdRoll (GBP) -> EUR", report.path("rows").size(), first.length());
        line(out, "  sandbox    latency Meta 50 ms, Google Ads 100 ms, AdRoll 150 ms (sum 300 ms); results cache "
                + "off; deadline %d ms", deadline.toMillis());
        line(out, "  calls      per report: %s", perReport(before, after, measured));
        line(out, "");
        line(out, "%s", Latencies.header("all answer"));
        allAnswer.forEach((name, latencies) -> line(out, "%s", latencies.row(name)));
        line(out, "  target     p95 <= 1.1 x 150 ms + 20 ms = 185 ms");
        line(out, "");
        line(out, "%s", Latencies.header("Meta hangs"));
        line(out, "%s", hanging.row("c=" + most));
        line(out, "  target     p99 <= deadline + 50 ms = %d ms; every answer had funnel, Google Ads and AdRoll "
                + "data; Meta's errorCode: %s; Meta breaker %s", deadline.toMillis() + 50, counts(metaErrors),
                breakers.circuitBreaker("ad-META").getState());
        System.out.println(out);
    }

    /** An answer while Meta hangs: Meta FAILED with a code and a GraphQL error; everything else there. */
    private static void checkWithoutMeta(String answer, String meta, Map<String, LongAdder> metaErrors) {
        JsonNode root = JSON.readTree(answer);
        JsonNode report = root.path("data").path("report");
        String metaCode = null;
        for (JsonNode source : report.path("sources")) {
            boolean isMeta = source.path("source").asString().equals(meta);
            assertThat(source.path("state").asString()).as("state of %s", source.path("source"))
                    .isEqualTo(isMeta ? "FAILED" : "FRESH");
            if (isMeta) {
                metaCode = source.path("errorCode").asString();
            }
        }
        assertThat(metaCode).as("Meta's errorCode").isNotBlank();
        assertThat(root.path("errors").findValuesAsString("source")).as("the errors name Meta").contains(meta);
        assertThat(report.path("totals").path("visitors").asLong()).as("the funnel's visitors").isPositive();
        for (JsonNode row : report.path("rows")) {
            boolean fromMeta = row.path("network").asString().equals("META");
            assertThat(row.path("metrics").path("spend").isNull()).as("spend of %s", row.path("campaignId"))
                    .isEqualTo(fromMeta);
        }
        metaErrors.computeIfAbsent(metaCode, code -> new LongAdder()).increment();
    }

    private static String perReport(Map<AdNetwork, Long> before, Map<AdNetwork, Long> after, int reports) {
        StringBuilder calls = new StringBuilder();
        before.forEach((network, count) -> calls.append(calls.isEmpty() ? "" : ", ").append(network).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", (after.get(network) - count) / (double) reports)));
        return calls.toString();
    }

    private static String counts(Map<String, LongAdder> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((code, n) -> out.append(out.isEmpty() ? "" : ", ").append(code).append(" x").append(n));
        return out.toString();
    }
}
