package com.funnelgate.gateway.answers;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cache of whole GraphQL answers in a whole gateway, over HTTP, with the ad-network sandbox and a real
 * redis-server: a repeated report is replayed without touching any source cache or source, and says
 * CACHED truthfully; FRESH, STALE and FAILED answers are not replayed; keys and tenants never share
 * answers; an answer lasts until the earliest end of freshness of what it was built from; new events
 * show once the rollup has run; requests mixing a report with other root fields are not cached; BI and
 * APQ GET requests are replayed too. The answers' own age limit is lifted to a day here so that the
 * sources' freshness decides; time moves with a test clock, never by waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "funnelgate.embedded-postgres.database=funnelgate_answers",
    "funnelgate.sandbox.enabled=true",
    "funnelgate.fx.source=DEMO",
    "funnelgate.report.deadline=3s",
    "funnelgate.redis.timeout=2s",
    "funnelgate.cache.answers.max-age=1d"})
@ActiveProfiles("test")
class AnswerCacheHttpTests {

    private static final TestRedis REDIS = TestRedis.start();
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static final SqlStatements SQL = new SqlStatements();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RANGE = "range: {from: \"2026-09-01\", to: \"2026-09-07\"}";
    private static final String REPORT = "{ report(" + RANGE + ", groupBy: [CAMPAIGN]) { tenantId rows { campaignId "
            + "metrics { spend views } } totals { spend clicks views conversions cpa } "
            + "sources { source state asOf errorCode } } }";

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
    @Autowired MeterRegistry meters;

    @AfterEach
    void backToNormal() {
        sandbox.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void aRepeatedReportIsReplayedWithoutTouchingAnySourceAndSaysCached() {
        Fixture f = fixture("6101");
        JsonNode first = f.report();
        assertThat(states(first)).as("fetched for this request").containsOnly("FRESH");
        JsonNode second = f.report();
        assertThat(states(second)).as("the FRESH answer was not stored: this one was assembled from the caches")
                .containsOnly("CACHED");

        Touches before = touches();
        HttpApi.Answer third = f.answer();
        Touches after = touches();
        assertThat(third.body()).isEqualTo(f.lastBody);
        assertThat(states(third.data().path("report"))).containsOnly("CACHED");
        assertThat(after.sourceLookups).as("no source cache asked").isEqualTo(before.sourceLookups);
        assertThat(after.networkCalls).as("no network asked").isEqualTo(before.networkCalls);
        assertThat(after.funnelQueries).as("no funnel query").isEqualTo(before.funnelQueries);
        assertThat(after.hits).isEqualTo(before.hits + 1);
        assertThat(third.data().path("report").path("sources").path(0).path("asOf"))
                .as("the data's asOf, not the replay's").isEqualTo(first.path("sources").path(0).path("asOf"));
    }

    @Test
    void staleAndFailedAnswersAreNotReplayed() {
        Fixture f = fixture("6102");
        f.report();
        f.report();
        assertThat(states(f.report())).containsOnly("CACHED");

        // Funnel results of closed hours are fresh for 6 h: past that, with the store down, they are STALE.
        CLOCK.advance(Duration.ofHours(7));
        breakers.circuitBreaker("funnel").transitionToForcedOpenState();
        assertThat(status(f.report(), "funnel").path("state").asString()).isEqualTo("STALE");
        double hits = hits();
        assertThat(status(f.report(), "funnel").path("state").asString()).isEqualTo("STALE");
        assertThat(hits()).as("a STALE answer is not replayed").isEqualTo(hits);
        breakers.circuitBreaker("funnel").reset();
        assertThat(status(f.report(), "funnel").path("state").asString()).as("the store is back")
                .isEqualTo("FRESH");

        // Settled ad days are fresh for 24 h: past that, with Google Ads failing and no stale entry, FAILED.
        CLOCK.advance(Duration.ofHours(30));
        String google = f.fixture.account(AdNetwork.GOOGLE_ADS).sourceName();
        sandbox.setFault(AdNetwork.GOOGLE_ADS, SandboxFault.SERVER_ERROR);
        HttpApi.Answer failed = f.answer();
        assertThat(status(failed.data().path("report"), google).path("state").asString()).isEqualTo("FAILED");
        assertThat(failed.errors().isMissingNode()).isFalse();
        long googleCalls = sandbox.requestCount(AdNetwork.GOOGLE_ADS);
        hits = hits();
        assertThat(status(f.report(), google).path("state").asString()).isEqualTo("FAILED");
        assertThat(sandbox.requestCount(AdNetwork.GOOGLE_ADS)).as("asked again").isGreaterThan(googleCalls);
        assertThat(hits()).as("a FAILED answer is not replayed").isEqualTo(hits);
        sandbox.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        assertThat(status(f.report(), google).path("state").asString()).isEqualTo("FRESH");
    }

    @Test
    void anotherKeyOrTenantWithTheSameRequestGetsItsOwnAnswer() {
        Fixture f = fixture("6103");
        Fixture other = fixture("6104");
        f.report();
        f.report();
        JsonNode mine = f.report();
        assertThat(states(mine)).containsOnly("CACHED");

        double hits = hits();
        JsonNode theirs = other.report();
        assertThat(theirs.path("tenantId").asString()).isEqualTo(Long.toString(other.fixture.tenant().id()))
                .isNotEqualTo(mine.path("tenantId").asString());
        assertThat(states(theirs)).containsOnly("FRESH");

        Fixture sameTenantOtherKey = new Fixture(f.fixture, tenants().key(Role.VIEWER, f.fixture.tenant().tenant()),
                f.api);
        JsonNode sameData = sameTenantOtherKey.report();
        assertThat(sameData.path("totals")).isEqualTo(mine.path("totals"));
        assertThat(hits()).as("neither was a replay of another key's answer").isEqualTo(hits);
    }

    @Test
    void anAnswerExpiresAtTheEarliestFreshnessOfWhatItWasBuiltFrom() {
        Fixture f = fixture("6105");
        f.report();
        f.report();
        // Stored now: funnel fresh for 6 h (closed hours), settled ad days for 24 h.
        CLOCK.advance(Duration.ofHours(5).plusMinutes(59));
        double hits = hits();
        long funnelQueries = SQL.funnelReports();
        assertThat(states(f.report())).containsOnly("CACHED");
        assertThat(hits()).as("still true: replayed").isEqualTo(hits + 1);

        CLOCK.advance(Duration.ofMinutes(2));
        JsonNode later = f.report();
        assertThat(hits()).as("past the funnel's freshness: not replayed").isEqualTo(hits + 1);
        assertThat(status(later, "funnel").path("state").asString()).isEqualTo("FRESH");
        assertThat(SQL.funnelReports()).isEqualTo(funnelQueries + 1);
        assertThat(states(later)).filteredOn(state -> !state.equals("FRESH")).containsOnly("CACHED");
    }

    @Test
    void newEventsShowInTheNextReportOnceTheRollupHasRun() {
        Fixture f = fixture("6106");
        String day = "range: {from: \"2026-09-02\", to: \"2026-09-02\"}";
        f.views(day);
        f.views(day);
        long views = f.views(day);
        double hits = hits();

        writer.write(Flux.just(new FunnelEvent(f.fixture.tenant().id(), f.fixture.tenant().sites().get(0).id(),
                f.fixture.tenant().sites().get(0).ctaIds().get(0), 999, FunnelEventType.VIEW,
                Instant.parse("2026-09-02T15:00:00Z"), null, null, null, null, null, null))).block();
        assertThat(f.views(day)).as("cached until the rollup says, as without answers").isEqualTo(views);
        assertThat(hits()).isEqualTo(hits + 1);
        rollup.runOnce().block();

        assertThat(f.views(day)).isEqualTo(views + 1);
        assertThat(hits()).as("not a replay").isEqualTo(hits + 1);
    }

    @Test
    void aReportOfSeveralTenantsIsReplayedUntilAnyOfThemChanges() {
        Fixture f = fixture("6109");
        Fixture other = fixture("6110");
        // PARTNER keys run trusted operations only; an ADMIN key may send this query.
        String admin = tenants().key(Role.ADMIN);
        String query = "{ reports(tenantIds: [\"" + f.fixture.tenant().id() + "\", \"" + other.fixture.tenant().id()
                + "\"], range: {from: \"2026-09-02\", to: \"2026-09-02\"}) { tenantId totals { views } "
                + "sources { state } } }";
        f.api.graphql(admin, query);
        f.api.graphql(admin, query);
        double hits = hits();
        JsonNode replayed = f.api.graphql(admin, query).data().path("reports");
        assertThat(hits()).isEqualTo(hits + 1);
        assertThat(replayed.valueStream().flatMap(report -> states(report).stream()).toList()).containsOnly("CACHED");
        long views = replayed.path(1).path("totals").path("views").asLong();

        writer.write(Flux.just(new FunnelEvent(other.fixture.tenant().id(), other.fixture.tenant().sites().get(0).id(),
                other.fixture.tenant().sites().get(0).ctaIds().get(0), 998, FunnelEventType.VIEW,
                Instant.parse("2026-09-02T16:00:00Z"), null, null, null, null, null, null))).block();
        rollup.runOnce().block();
        JsonNode after = f.api.graphql(admin, query).data().path("reports");
        assertThat(hits()).as("the second tenant's data changed: not a replay").isEqualTo(hits + 1);
        assertThat(after.path(1).path("totals").path("views").asLong()).isEqualTo(views + 1);
        assertThat(after.path(0).path("totals")).isEqualTo(replayed.path(0).path("totals"));
    }

    @Test
    void aReportNextToAnotherRootFieldIsNotCached() {
        Fixture f = fixture("6107");
        String mixed = "{ me { role } report(" + RANGE + ") { totals { views } sources { state } } }";
        f.api.graphql(f.key, mixed);
        f.api.graphql(f.key, mixed);
        double hits = hits();
        double funnelLookups = touches().sourceLookups;
        HttpApi.Answer third = f.api.graphql(f.key, mixed);
        assertThat(third.data().path("me").path("role").asString()).isEqualTo("VIEWER");
        assertThat(third.data().path("report").path("sources").path(0).path("state").asString()).isEqualTo("CACHED");
        assertThat(hits()).isEqualTo(hits);
        assertThat(touches().sourceLookups).as("executed: the source cache was asked").isGreaterThan(funnelLookups);
    }

    @Test
    void biAndApqGetRequestsAreReplayedToo() throws Exception {
        Fixture f = fixture("6108");
        String bi = tenants().key(Role.BI, f.fixture.tenant().tenant());
        String path = "/v1/reports/FunnelTrend?from=2026-09-01&to=2026-09-07";
        f.api.get(bi, path);
        JsonNode second = f.api.get(bi, path).body();
        double hits = hits();
        Touches before = touches();
        HttpApi.Answer third = f.api.get(bi, path);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.body()).isEqualTo(second);
        assertThat(hits()).isEqualTo(hits + 1);
        assertThat(touches().sourceLookups).isEqualTo(before.sourceLookups);

        String query = "query Totals { report(" + RANGE + ") { totals { views spend } sources { state } } }";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(query.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
        assertThat(f.api.post(f.key, JSON.writeValueAsString(Map.of("query", query, "operationName", "Totals",
                "extensions", extensions))).status()).isEqualTo(200);
        String get = "/graphql?operationName=Totals&extensions="
                + URLEncoder.encode(JSON.writeValueAsString(extensions), StandardCharsets.UTF_8);
        f.api.get(f.key, get);
        hits = hits();
        before = touches();
        HttpApi.Answer replayed = f.api.get(f.key, get);
        assertThat(replayed.data().path("report").path("sources").valueStream().map(s -> s.path("state").asString())
                .toList()).containsOnly("CACHED");
        assertThat(hits()).isEqualTo(hits + 1);
        assertThat(touches().sourceLookups).isEqualTo(before.sourceLookups);
    }

    /** What a request may have touched: source-cache lookups, network calls, funnel queries; answer hits. */
    private record Touches(double sourceLookups, List<Long> networkCalls, long funnelQueries, double hits) {
    }

    private Touches touches() {
        double lookups = meters.find("funnelgate.cache.lookups").counters().stream()
                .filter(counter -> !"answers".equals(counter.getId().getTag("tier")))
                .mapToDouble(Counter::count).sum();
        return new Touches(lookups, List.of(sandbox.requestCount(AdNetwork.META),
                sandbox.requestCount(AdNetwork.GOOGLE_ADS), sandbox.requestCount(AdNetwork.ADROLL)),
                SQL.funnelReports(), hits());
    }

    private double hits() {
        Counter hits = meters.find("funnelgate.cache.lookups").tags("tier", "answers", "source", "report",
                "result", "hit").counter();
        return hits == null ? 0 : hits.count();
    }

    private TestTenants tenants() {
        return new TestTenants(provisioning, keys);
    }

    private Fixture fixture(String prefix) {
        TestTenants tenants = tenants();
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

    /** A tenant with accounts and events, a key of it, and the report the tests repeat. */
    private static final class Fixture {

        final BlendedFixture fixture;
        final String key;
        final HttpApi api;
        JsonNode lastBody;

        Fixture(BlendedFixture fixture, String key, HttpApi api) {
            this.fixture = fixture;
            this.key = key;
            this.api = api;
        }

        HttpApi.Answer answer() {
            return api.graphql(key, REPORT);
        }

        JsonNode report() {
            HttpApi.Answer answer = answer();
            assertThat(answer.status()).isEqualTo(200);
            lastBody = answer.body();
            return answer.data().path("report");
        }

        long views(String range) {
            return api.graphql(key, "{ report(" + range + ") { totals { views } } }").data().path("report")
                    .path("totals").path("views").asLong();
        }
    }
}
