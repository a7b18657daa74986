package com.funnelgate.gateway.answers;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.cache.CacheMeters;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.DataChanges;
import com.funnelgate.gateway.report.ReportFacts;
import com.funnelgate.gateway.support.MutableClock;
import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Role;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * What {@link AnswerCache} keeps and for how long, without a gateway: only replayable, error-free answers
 * made of report fields; until the earliest freshness or the age limit; never across a change of a
 * tenant's data, whether it happened before the answer was stored or after; never for another caller.
 */
class AnswerCacheTests {

    private static final Caller ALICE = new Caller("alice", Role.VIEWER, Set.of(1L));
    private static final Caller BOB = new Caller("bob", Role.VIEWER, Set.of(1L));
    private static final String DOCUMENT = "{ report(range: {from: \"2026-09-01\", to: \"2026-09-07\"}) { tenantId } }";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final DataChanges changes = new DataChanges();
    private final AnswerCache cache = new AnswerCache(properties(Duration.ofMinutes(10)), changes,
            new CacheMeters(new SimpleMeterRegistry()), clock);
    private final ExecutionResult result = ExecutionResultImpl.newExecutionResult()
            .data(Map.of("report", Map.of("tenantId", "1"))).build();

    @Test
    void aReplayableAnswerIsServedToItsCallerOnly() {
        assertThat(cache.offer(key(ALICE), result, facts(true, null), changes.mark())).isTrue();
        assertThat(cache.find(key(ALICE))).containsSame(result);
        assertThat(cache.find(key(BOB))).isEmpty();
        assertThat(cache.find(new AnswerCache.Key(ALICE, DOCUMENT, null, Map.of("x", 1)))).isEmpty();
    }

    @Test
    void unreplayableErroneousOrMixedAnswersAreNotStored() {
        long mark = changes.mark();
        assertThat(cache.offer(key(ALICE), result, facts(false, null), mark)).isFalse();
        ExecutionResult withError = result.transform(builder -> builder.addError(
                GraphqlErrorBuilder.newError().message("funnel failed").build()));
        assertThat(cache.offer(key(ALICE), withError, facts(true, null), mark)).isFalse();
        ExecutionResult mixed = ExecutionResultImpl.newExecutionResult()
                .data(Map.of("report", Map.of("tenantId", "1"), "me", Map.of("role", "VIEWER"))).build();
        assertThat(cache.offer(key(ALICE), mixed, facts(true, null), mark)).isFalse();
        assertThat(cache.find(key(ALICE))).isEmpty();
    }

    @Test
    void anAnswerLastsUntilTheEarliestFreshnessOrTheAgeLimit() {
        long mark = changes.mark();
        cache.offer(key(ALICE), result, facts(true, clock.instant().plus(Duration.ofMinutes(3))), mark);
        clock.advance(Duration.ofMinutes(2).plusSeconds(59));
        assertThat(cache.find(key(ALICE))).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.find(key(ALICE))).isEmpty();

        cache.offer(key(ALICE), result, facts(true, clock.instant().plus(Duration.ofHours(6))), mark);
        clock.advance(Duration.ofMinutes(10));
        assertThat(cache.find(key(ALICE))).as("the age limit").isEmpty();
    }

    @Test
    void aChangeOfTheTenantsDataBeforeOrAfterStoringMakesTheAnswerOld() {
        long before = changes.mark();
        changes.changed(1);
        assertThat(cache.offer(key(ALICE), result, facts(true, null), before)).as("built before the change").isFalse();

        cache.offer(key(ALICE), result, facts(true, null), changes.mark());
        changes.changed(2);
        assertThat(cache.find(key(ALICE))).as("another tenant's change").isPresent();
        changes.changed(1);
        assertThat(cache.find(key(ALICE))).as("its tenant's change after it was stored").isEmpty();

        cache.offer(key(ALICE), result, facts(true, null), changes.mark());
        assertThat(cache.find(key(ALICE))).isPresent();
        changes.changedAll();
        assertThat(cache.find(key(ALICE))).isEmpty();
    }

    private static AnswerCache.Key key(Caller caller) {
        return new AnswerCache.Key(caller, DOCUMENT, null, Map.of());
    }

    private static ReportFacts facts(boolean replayable, Instant freshUntil) {
        return new ReportFacts(1, replayable, Set.of(1L), freshUntil);
    }

    private static CacheProperties properties(Duration maxAge) {
        return new CacheProperties(true, Duration.ofHours(6), Duration.ofSeconds(60),
                new CacheProperties.Funnel(Duration.ofHours(6), Duration.ofSeconds(30), 100),
                new CacheProperties.AdSpend(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofMinutes(5),
                        Map.of(), 1000),
                new CacheProperties.Answers(true, maxAge, DataSize.ofMegabytes(1)));
    }
}
