package com.funnelgate.gateway.bench;

import static com.funnelgate.gateway.bench.Bench.line;
import static com.funnelgate.gateway.bench.Bench.progress;
import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.AdNetworkSandbox;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.funnel.FunnelRollup;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.BlendedFixture;
import com.funnelgate.gateway.support.SqlStatements;
import com.funnelgate.gateway.support.TestRedis;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results-cache benchmark, on a gateway with both tiers (Caffeine and a real redis-server) in
 * front of the funnel store and the ad-network sandbox (Meta 50 ms, Google Ads 100 ms, AdRoll
 * 150 ms). Two parts:
 *
 * <ul>
 *   <li><b>Cache-hit path.</b> Closed loops at a fixed concurrency over HTTP: first the same gateway
 *       answering a trivial constant query ({@code { __typename }}, same API key, same GraphQL
 *       pipeline: the practical ceiling on this machine), then fully cached blended reports of the
 *       last 30 days by DAY (grouped by NETWORK, a dashboard's chart; and by CAMPAIGN, a large
 *       table), every source {@code CACHED} in every answer. Target (issue 5): at least 50% of the
 *       ceiling's throughput.
 *   <li><b>Stampede.</b> 500 identical requests for a report nobody asked for before, all sent at
 *       once: each upstream source (three networks, the funnel store) must be called exactly once.
 *       Network calls are counted by the sandbox, funnel-report statements by a proxy around the
 *       gateway's R2DBC connection factory.
 * </ul>
 *
 * <p>Cache lifetimes of today's data are raised to an hour so that nothing expires during a
 * loop. Not a timed test: it asserts the answers and the call counts, never how fast they came.
 *
 * <p>Run with {@code ./mvnw -Pbench -pl gateway -am verify -Dtest=CacheBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Knobs (system properties): {@code bench.cache.concurrency}
 * (8), {@code bench.cache.requests} (6000 per loop, in three rounds), {@code bench.cache.stampede} (500).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "funnelgate.embedded-postgres.database=funnelgate_bench_cache",
    "funnelgate.sandbox.enabled=true",
    "funnelgate.sandbox.latency.META=50ms",
    "funnelgate.sandbox.latency.GOOGLE_ADS=100ms",
    "funnelgate.sandbox.latency.ADROLL=150ms",
    "funnelgate.fx.source=DEMO",
    "funnelgate.rollup.enabled=false",
    "funnelgate.cache.funnel.open-ttl=1h",
    "funnelgate.cache.ad-spend.today-ttl=1h",
    // Funnel-report statements are counted by a proxy of this class's own (SqlStatements), not Boot's.
    AsInProduction.NO_R2DBC_OBSERVATION})
@ActiveProfiles("test")
class CacheBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.cache.concurrency", 8);
    private static final int REQUESTS = Integer.getInteger("bench.cache.requests", 6000);
    private static final int STAMPEDE = Integer.getInteger("bench.cache.stampede", 500);
    private static final int WARMUP = 3000;
    private static final int ROUNDS = 3;
    private static final JsonMapper JSON = Bench.JSON;
    private static final TestRedis REDIS = TestRedis.start();
    private static final SqlStatements SQL = new SqlStatements();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        REDIS.register(registry);
    }

    @TestConfiguration
    static class CountedStatements {
        @Bean
        static BeanPostProcessor recordStatements() {
            return SQL.postProcessor();
        }
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired AdAccounts adAccounts;
    @Autowired FunnelEventWriter writer;
    @Autowired FunnelRollup rollup;
    @Autowired AdNetworkSandbox sandbox;

    @Test
    void cacheHitPathAgainstAConstantAnswerAndAStampedeOfColdRequests() {
        TestTenants tenants = new TestTenants(provisioning, keys);
        Blended hot = blended(tenants, "7300");
        Blended cold = blended(tenants, "7400");
        rollup.runOnce().block(Duration.ofMinutes(1));

        Map<String, ClosedLoop> clients = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        ClosedLoop constant = new ClosedLoop(port, hot.key(), JSON.writeValueAsString(
                Map.of("query", "{ __typename }")));
        String typename = constant.once();
        assertThat(typename).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
        clients.put("constant", constant);
        answers.put("constant", typename);
        for (String groupBy : List.of("NETWORK", "CAMPAIGN")) {
            ClosedLoop loop = new ClosedLoop(port, hot.key(), hot.body(groupBy));
            // Ad spend is cached per account and day, so the second grouping finds the days already there.
            assertThat(states(loop.once())).as("the first report").hasSize(4).doesNotContain("FAILED");
            String cached = loop.once();
            assertThat(states(cached)).as("the second is answered from the cache").hasSize(4).containsOnly("CACHED");
            rows.put(groupBy, JSON.readTree(cached).path("data").path("report").path("rows").size());
            clients.put("by " + groupBy, loop);
            answers.put("by " + groupBy, cached);
        }
        clients.forEach((name, loop) -> loop.run(CONCURRENCY, WARMUP, answers.get(name)));
        // Rounds taking turns, so that a change in the machine's speed during the run (it is a shared
        // virtual machine) falls on every loop alike.
        Map<String, Latencies> loops = new LinkedHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            progress("round %d of %d: %d requests of each at concurrency %d", round, ROUNDS, REQUESTS / ROUNDS,
                    CONCURRENCY);
            clients.forEach((name, loop) -> loops.merge(name,
                    loop.run(CONCURRENCY, REQUESTS / ROUNDS, answers.get(name)), Latencies::plus));
        }

        ClosedLoop stampede = new ClosedLoop(port, cold.key(), cold.body("CAMPAIGN"));
        Map<AdNetwork, Long> before = Bench.networkCalls(sandbox);
        long funnelBefore = SQL.funnelReports();
        progress("stampede: %d identical cold requests at once", STAMPEDE);
        Latencies burst = stampede.burst(STAMPEDE, answer -> {
            assertThat(answer).as("an answer without errors").doesNotContain("\"errors\"");
            assertThat(states(answer)).as("every source answered").hasSize(4).doesNotContain("FAILED");
        });
        Map<AdNetwork, Long> calls = new EnumMap<>(AdNetwork.class);
        Bench.networkCalls(sandbox).forEach((network, count) -> calls.put(network, count - before.get(network)));
        long funnelCalls = SQL.funnelReports() - funnelBefore;
        assertThat(calls).as("calls per network").allSatisfy((network, count) -> assertThat(count).isEqualTo(1));
        assertThat(funnelCalls).as("funnel-report statements").isEqualTo(1);

        Latencies ceiling = loops.get("constant");
        StringBuilder out = new StringBuilder("\n");
        line(out, "Funnelgate results-cache benchmark, %s", LocalDate.now());
        line(out, "  machine    %s", Machine.describe());
        line(out, "  gateway    whole answers (Caffeine) in front of the source caches (Caffeine + redis-server 6.2); "
                + "sources: funnel store + Meta, Google Ads, AdRoll on the sandbox (50/100/150 ms)");
        line(out, "  queries    constant: { __typename }; reports: blended, last 30 days, DAY, spend + funnel + "
                + "derived metrics; by NETWORK %d rows, by CAMPAIGN %d rows", rows.get("NETWORK"), rows.get("CAMPAIGN"));
        line(out, "");
        line(out, "%s", Latencies.header("cache hits"));
        loops.forEach((name, latencies) -> line(out, "%s", latencies.row(name)));
        loops.forEach((name, latencies) -> {
            if (!name.equals("constant")) {
                line(out, "  %-12s throughput %.0f%% of the constant answer's (target >= 50%%), p99 %.1f ms vs %.1f ms",
                        name, 100 * latencies.throughput() / ceiling.throughput(), latencies.percentileMillis(0.99),
                        ceiling.percentileMillis(0.99));
            }
        });
        line(out, "");
        line(out, "  stampede   %d identical cold requests at once (report by CAMPAIGN): all answered with every "
                + "source's data; upstream calls: %s, funnel store %d", STAMPEDE, calls, funnelCalls);
        line(out, "             all answered in %.0f ms; p50 %.0f ms, p99 %.0f ms", burst.wallNanos() / 1e6,
                burst.percentileMillis(0.50), burst.percentileMillis(0.99));
        System.out.println(out);
    }

    private Blended blended(TestTenants tenants, String prefix) {
        TestTenant tenant = tenants.create("Europe/Berlin", "EUR", 1, 1);
        LocalDate to = LocalDate.now(tenant.tenant().timeZone());
        LocalDate from = to.minusDays(29);
        BlendedFixture.create(tenant, adAccounts, writer, prefix,
                Map.of(AdNetwork.META, "USD", AdNetwork.GOOGLE_ADS, "EUR", AdNetwork.ADROLL, "GBP"), from, to);
        return new Blended(tenants.key(Role.VIEWER, tenant.tenant()), from, to);
    }

    /** A tenant's API key and its last 30 days. */
    private record Blended(String key, LocalDate from, LocalDate to) {
        String body(String groupBy) {
            return Bench.body(Bench.BLENDED_REPORT.formatted(groupBy), from, to);
        }
    }

    private static List<String> states(String answer) {
        JsonNode sources = JSON.readTree(answer).path("data").path("report").path("sources");
        return sources.findValuesAsString("state");
    }
}
