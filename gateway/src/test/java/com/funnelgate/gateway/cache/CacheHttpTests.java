package com.funnelgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.AdNetworkSandbox;
import com.funnelgate.adconnectors.sandbox.SandboxFault;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.funnel.FunnelEvent;
import com.funnelgate.gateway.funnel.FunnelEventType;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.funnel.FunnelRollup;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.BlendedFixture;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.MutableClock;
import com.funnelgate.gateway.support.SqlStatements;
import com.funnelgate.gateway.support.TestRedis;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The results cache in a whole gateway, over HTTP, with the ad-network sandbox and a real
 * redis-server: CACHED vs FRESH told truthfully, one upstream call per source for many identical
 * concurrent misses, stale-if-error within the limit, eviction of exactly the changed days when the
 * rollup runs, and Redis stopped or flushed mid-test without a request failing. Cache ages are
 * moved with a test clock, never waited for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "funnelgate.embedded-postgres.database=funnelgate_cache",
    "funnelgate.sandbox.enabled=true",
    "funnelgate.fx.source=DEMO",
    "funnelgate.report.deadline=3s",
    "funnelgate.redis.timeout=2s"})
@ActiveProfiles("test")
class CacheHttpTests {

    private static final TestRedis REDIS = TestRedis.start();
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static final SqlStatements SQL = new SqlStatements();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        REDIS.register(registry);
    }

    @TestConfiguration
    static class TestClockAndCountedQueries {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        static BeanPostProcessor countFunnelQueries() {
            return SQL.postProcessor();
        }
    }

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired AdAccounts adAccounts;
    @Autowired FunnelEventWriter writer;
    @Autowired FunnelRollup rollup;
    @Autowired AdNetworkSandbox sandbox;
    @Autowired CircuitBreakerRegistry breakers;
    @Autowired ReactiveStringRedisTemplate redis;
    @Autowired MeterRegistry meters;

    @AfterEach
    void backToNormal() {
        sandbox.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        REDIS.up();
    }

    @Test
    void aRepeatedReportIsCachedAndSaysSo() {
        Fixture f = fixture("5101");
        JsonNode first = f.report();
        assertThat(states(first)).containsOnly("FRESH");
        long metaCalls = sandbox.requestCount(AdNetwork.META);
        long funnelQueries = SQL.funnelReports();
        JsonNode second = f.report();
        assertThat(states(second)).containsOnly("CACHED");
        assertThat(sandbox.requestCount(AdNetwork.META)).isEqualTo(metaCalls);
        assertThat(SQL.funnelReports()).isEqualTo(funnelQueries);
        assertThat(second.path("totals")).isEqualTo(first.path("totals"));
        assertThat(second.path("sources").path(0).path("asOf")).isEqualTo(first.path("sources").path(0).path("asOf"));
        assertThat(meters.get("funnelgate.cache.lookups").tags("tier", "l1", "source", "ad", "result", "hit")
                .counter().count()).isPositive();
    }

    @Test
    void manyIdenticalColdRequestsMakeOneCallPerSource() {
        Fixture f = fixture("5102");
        long[] before = networkCalls();
        long funnelBefore = SQL.funnelReports();
        List<JsonNode> reports = concurrently(50, f::report);
        assertThat(reports).hasSize(50).allSatisfy(report -> assertThat(report.path("totals").path("spend").isNull()).isFalse());
        long[] after = networkCalls();
        for (int i = 0; i < after.length; i++) {
            assertThat(after[i] - before[i]).as("calls to network %d", i).isEqualTo(1);
        }
        assertThat(SQL.funnelReports() - funnelBefore).isEqualTo(1);
    }

    @Test
    void aFailingSourceIsServedStaleWithinTheLimitAndFailsBeyondIt() {
        Fixture f = fixture("5103");
        String google = f.fixture.account(AdNetwork.GOOGLE_ADS).sourceName();
        JsonNode fresh = f.report();

        // Funnel results of closed hours are fresh for 6 h, then servable as stale for 6 h more.
        CLOCK.advance(Duration.ofHours(7));
        breakers.circuitBreaker("funnel").transitionToForcedOpenState();
        HttpApi.Answer staleFunnel = f.answer();
        JsonNode funnel = status(staleFunnel.data().path("report"), "funnel");
        assertThat(funnel.path("state").asString()).isEqualTo("STALE");
        assertThat(funnel.path("errorCode").asString()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(funnel.path("asOf")).isEqualTo(status(fresh, "funnel").path("asOf"));
        assertThat(staleFunnel.data().path("report").path("totals")).isEqualTo(fresh.path("totals"));
        assertThat(staleFunnel.errors().isMissingNode()).as("stale data is data, not an error").isTrue();
        assertThat(status(staleFunnel.data().path("report"), google).path("state").asString()).isEqualTo("CACHED");

        // Settled ad days are fresh for 24 h, then stale for 6 h; the funnel's stale limit has passed.
        CLOCK.advance(Duration.ofHours(18));
        sandbox.setFault(AdNetwork.GOOGLE_ADS, SandboxFault.SERVER_ERROR);
        JsonNode report = f.report();
        assertThat(status(report, google).path("state").asString()).isEqualTo("STALE");
        assertThat(status(report, google).path("errorCode").asString()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(status(report, google).path("asOf")).isEqualTo(status(fresh, google).path("asOf"));
        assertThat(status(report, "funnel").path("state").asString()).isEqualTo("FAILED");
        assertThat(report.path("totals").path("spend")).isEqualTo(fresh.path("totals").path("spend"));

        CLOCK.advance(Duration.ofHours(6));
        JsonNode beyond = f.report();
        assertThat(status(beyond, google).path("state").asString()).isEqualTo("FAILED");
        assertThat(beyond.path("totals").path("spend").isNull()).isTrue();
    }

    @Test
    void newEventsRolledUpEvictExactlyTheReportsOverTheirDays() {
        Fixture f = fixture("5104");
        Fixture other = fixture("5105");
        String day = "range: {from: \"2026-09-02\", to: \"2026-09-02\"}";
        String otherDays = "range: {from: \"2026-09-05\", to: \"2026-09-06\"}";
        long views = f.totals(day).path("views").asLong();
        f.totals(otherDays);
        other.totals(day);
        assertThat(f.funnelState(day)).isEqualTo("CACHED");

        writer.write(Flux.just(new FunnelEvent(f.fixture.tenant().id(), f.fixture.tenant().sites().get(0).id(),
                f.fixture.tenant().sites().get(0).ctaIds().get(0), 999, FunnelEventType.VIEW,
                Instant.parse("2026-09-02T15:00:00Z"), null, null, null, null, null, null))).block();
        assertThat(f.totals(day).path("views").asLong()).as("cached until the rollup says").isEqualTo(views);
        rollup.runOnce().block();

        assertThat(f.funnelState(day)).isEqualTo("FRESH");
        assertThat(f.totals(day).path("views").asLong()).isEqualTo(views + 1);
        assertThat(f.funnelState(otherDays)).as("a range without the changed day").isEqualTo("CACHED");
        assertThat(other.funnelState(day)).as("another tenant's report").isEqualTo("CACHED");
    }

    @Test
    void withRedisStoppedOrFlushedNoRequestFailsAndRedisIsUsedAgainWhenItReturns() {
        Fixture f = fixture("5106");
        REDIS.down();
        JsonNode whileDown = f.report();
        assertThat(states(whileDown)).containsOnly("FRESH");
        assertThat(states(f.report())).as("served from memory").containsOnly("CACHED");

        REDIS.up();
        Fixture later = fixture("5107");
        AtomicInteger days = new AtomicInteger();
        // Each try is a report not seen before, so its result is written to Redis if Redis is in use.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            later.totals("range: {from: \"2026-08-01\", to: \"" + LocalDate.of(2026, 8, 1).plusDays(days.incrementAndGet())
                    + "\"}");
            assertThat(redis.keys("fg:v1:funnel:" + later.fixture.tenant().id() + ":*").collectList().block())
                    .isNotEmpty();
        });
        assertThat(states(later.report())).containsOnly("FRESH");
        redis.execute(connection -> connection.serverCommands().flushAll()).blockLast();
        assertThat(states(later.report())).as("still in this replica's memory").containsOnly("CACHED");
        assertThat(states(fixture("5108").report())).containsOnly("FRESH");
    }

    /** Runs the call on {@code n} threads at once (plain threads: WebTestClient blocks). */
    private static <T> List<T> concurrently(int n, Supplier<T> call) {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }

    private long[] networkCalls() {
        return new long[] {sandbox.requestCount(AdNetwork.META), sandbox.requestCount(AdNetwork.GOOGLE_ADS),
            sandbox.requestCount(AdNetwork.ADROLL)};
    }

    private Fixture fixture(String prefix) {
        TestTenants tenants = new TestTenants(provisioning, keys);
        BlendedFixture fixture = BlendedFixture.create(tenants.create("America/New_York", "USD", 1, 1), adAccounts,
                writer, prefix, Map.of(AdNetwork.META, "USD", AdNetwork.GOOGLE_ADS, "USD", AdNetwork.ADROLL, "USD"),
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 7));
        rollup.runOnce().block();
        return new Fixture(fixture, tenants.key(Role.VIEWER, fixture.tenant().tenant()), new HttpApi(port));
    }

    private static List<String> states(JsonNode report) {
        return report.path("sources").valueStream().map(s -> s.path("state").asString()).toList();
    }

    private static JsonNode status(JsonNode report, String source) {
        return report.path("sources").valueStream().filter(s -> s.path("source").asString().equals(source))
                .findFirst().orElseThrow();
    }

    /** A tenant with accounts and events, its key, and the report the tests repeat. */
    private record Fixture(BlendedFixture fixture, String key, HttpApi api) {

        static final String RANGE = "range: {from: \"2026-09-01\", to: \"2026-09-07\"}";

        HttpApi.Answer answer() {
            return api.graphql(key, "{ report(" + RANGE + ", groupBy: [CAMPAIGN]) { rows { campaignId metrics "
                    + "{ spend views } } totals { spend clicks views conversions cpa } "
                    + "sources { source state asOf errorCode } } }");
        }

        JsonNode report() {
            HttpApi.Answer answer = answer();
            assertThat(answer.status()).isEqualTo(200);
            return answer.data().path("report");
        }

        JsonNode totals(String range) {
            return api.graphql(key, "{ report(" + range + ") { totals { views } } }").data().path("report").path("totals");
        }

        String funnelState(String range) {
            return api.graphql(key, "{ report(" + range + ") { totals { views } sources { source state } } }")
                    .data().path("report").path("sources").path(0).path("state").asString();
        }
    }
}
