package com.funnelgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.resilience.Protection;
import com.funnelgate.gateway.resilience.ResilienceProperties;
import com.funnelgate.gateway.resilience.SourceGuard;
import com.funnelgate.gateway.source.Deadline;
import com.funnelgate.gateway.source.Source;
import com.funnelgate.gateway.source.SourceState;
import com.funnelgate.gateway.source.Sourced;
import com.funnelgate.gateway.support.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cache decorator on its own, around a fake source, on virtual time for the deadline and a clock
 * moved by hand for the entries' ages: hits, single-flight, stale-if-error, a request that gives up at
 * its deadline while the shared fetch goes on, and data fetched while the tenant's data changed.
 */
class CachedSourceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final Shape SHAPE = new Shape(1, "shape");

    private final MutableClock clock = new MutableClock(START);
    private final DataChanges changes = new DataChanges();
    private final TieredCache<String> cache = new TieredCache<>("funnel", 100, null,
            new CacheCodec<>(JSON, JSON.getTypeFactory().constructType(String.class)),
            new CacheMeters(new SimpleMeterRegistry()), clock);
    private final Caching caching = new Caching(properties(), changes, clock);
    private final AtomicInteger fetches = new AtomicInteger();

    @Test
    void aFreshEntryAnswersWithoutAskingTheSource() {
        Source<Shape, String> source = cached(answering("fetched"));
        Sourced<String> first = source.fetch(SHAPE, in(10)).block();
        clock.advance(Duration.ofMinutes(1));
        Sourced<String> second = source.fetch(SHAPE, in(10)).block();
        assertThat(first.state()).isEqualTo(SourceState.FRESH);
        assertThat(first.outcome().freshUntil()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(second.state()).isEqualTo(SourceState.CACHED);
        assertThat(second.value()).isEqualTo("fetched");
        assertThat(second.outcome().asOf()).as("when it was fetched").isEqualTo(START);
        assertThat(second.outcome().freshUntil()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void concurrentIdenticalMissesShareOneFetch() {
        Source<Shape, String> source = cached(answeringAfter("fetched", Duration.ofSeconds(1)));
        StepVerifier.withVirtualTime(() -> Mono.zip(source.fetch(SHAPE, in(10)), source.fetch(SHAPE, in(10)),
                        source.fetch(SHAPE, in(10))))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(answers -> {
                    assertThat(answers.getT1().value()).isEqualTo("fetched");
                    assertThat(answers.getT3().state()).isEqualTo(SourceState.FRESH);
                })
                .verifyComplete();
        assertThat(fetches.get()).isEqualTo(1);
        assertThat(source.fetch(SHAPE, in(10)).block().state()).isEqualTo(SourceState.CACHED);
    }

    @Test
    void aFailingSourceIsAnsweredFromAnExpiredEntryWithinTheStaleLimit() {
        cached(answering("yesterday's")).fetch(SHAPE, in(10)).block();
        clock.advance(Duration.ofMinutes(30));
        Source<Shape, String> failing = cached(failing());
        Sourced<String> stale = failing.fetch(SHAPE, in(10)).block();
        assertThat(stale.state()).isEqualTo(SourceState.STALE);
        assertThat(stale.value()).isEqualTo("yesterday's");
        assertThat(stale.outcome().asOf()).isEqualTo(START);
        assertThat(stale.outcome().errorCode()).as("the failure it stands in for").isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
        clock.advance(Duration.ofHours(1));
        Sourced<String> failed = failing.fetch(SHAPE, in(10)).block();
        assertThat(failed.state()).isEqualTo(SourceState.FAILED);
        assertThat(failed.value()).isNull();
        assertThat(failed.outcome().reason()).isEqualTo("is unavailable");
    }

    @Test
    void aRequestWaitsOnlyUntilItsDeadlineWhileTheSharedFetchGoesOnToFillTheCache() {
        Source<Shape, String> source = cached(answeringAfter("slow", Duration.ofSeconds(5)));
        StepVerifier.withVirtualTime(() -> Mono.zip(source.fetch(SHAPE, in(2)),
                        source.fetch(SHAPE, in(10)).delaySubscription(Duration.ofSeconds(6))))
                .thenAwait(Duration.ofSeconds(6))
                .assertNext(both -> {
                    Sourced<String> gaveUp = both.getT1();
                    assertThat(gaveUp.state()).isEqualTo(SourceState.FAILED);
                    assertThat(gaveUp.outcome().errorCode()).isEqualTo(ErrorCode.SOURCE_TIMEOUT);
                    assertThat(gaveUp.outcome().latency()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(both.getT2().state()).as("stored by the fetch the first request started")
                            .isEqualTo(SourceState.CACHED);
                })
                .verifyComplete();
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void aSourceSlowerThanTheDeadlineIsAnsweredFromAStaleEntry() {
        cached(answering("earlier")).fetch(SHAPE, in(10)).block();
        clock.advance(Duration.ofMinutes(10));
        Source<Shape, String> slow = cached(answeringAfter("later", Duration.ofSeconds(5)));
        StepVerifier.withVirtualTime(() -> slow.fetch(SHAPE, in(2)))
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(answer -> {
                    assertThat(answer.state()).isEqualTo(SourceState.STALE);
                    assertThat(answer.value()).isEqualTo("earlier");
                    assertThat(answer.outcome().errorCode()).isEqualTo(ErrorCode.SOURCE_TIMEOUT);
                })
                .verifyComplete();
    }

    @Test
    void aHangingSourceBehindTheCacheStillOpensItsBreaker() {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50).build());
        SourceGuard guard = new SourceGuard(breakers, RetryRegistry.of(RetryConfig.custom().maxAttempts(1).build()),
                TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(5)).build()),
                new ResilienceProperties(10), clock);
        Source<Shape, String> hanging = cached(guard.decorate(shape -> Mono.never(),
                shape -> new Protection("ad-META", null, "a hanging network")));
        StepVerifier.withVirtualTime(() -> Flux.range(1, 4)
                        .flatMap(i -> hanging.fetch(new Shape(1, "shape " + i), in(2)))
                        .collectList()
                        // Each request gives up at its deadline; the fetches go on until their time limit.
                        .delayUntil(answers -> Mono.delay(Duration.ofSeconds(3))))
                .thenAwait(Duration.ofSeconds(5))
                .assertNext(answers -> assertThat(answers).hasSize(4).allSatisfy(answer ->
                        assertThat(answer.outcome().errorCode()).isEqualTo(ErrorCode.SOURCE_TIMEOUT)))
                .verifyComplete();
        assertThat(breakers.circuitBreaker("ad-META").getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void eachRequestReportsHowLongItWaited() {
        Source<Shape, String> source = cached(answeringAfter("fetched", Duration.ofSeconds(3)));
        StepVerifier.withVirtualTime(() -> Mono.zip(source.fetch(SHAPE, in(10)),
                        source.fetch(SHAPE, in(10)).delaySubscription(Duration.ofSeconds(1))))
                .thenAwait(Duration.ofSeconds(3))
                .assertNext(both -> {
                    assertThat(both.getT1().outcome().latency()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(both.getT2().outcome().latency()).as("joined the fetch a second in")
                            .isEqualTo(Duration.ofSeconds(2));
                })
                .verifyComplete();
    }

    @Test
    void dataFetchedWhileTheTenantsDataChangedAnswersButIsNotKept() {
        Source<Shape, String> changedMeanwhile = cached((shape, deadline) -> Mono.fromSupplier(() -> {
            fetches.incrementAndGet();
            changes.changed(shape.tenant());
            return Sourced.fresh("from before the change", clock.instant(), Duration.ZERO);
        }));
        Sourced<String> answer = changedMeanwhile.fetch(SHAPE, in(10)).block();
        assertThat(answer.value()).isEqualTo("from before the change");
        assertThat(answer.outcome().freshUntil()).as("no cache entry vouches for it").isNull();
        assertThat(cache.get(1, "1:shape").block()).isEmpty();
        Sourced<String> another = cached(answering("other tenant")).fetch(new Shape(2, "shape"), in(10)).block();
        assertThat(another.outcome().freshUntil()).as("another tenant's change is not this one's").isNotNull();
    }

    @Test
    void dataOfASourceNoDataChangeTouchesIsKeptThoughItsTenantsDataChanged() {
        Source<Shape, String> spend = caching.decorate((shape, deadline) -> Mono.fromSupplier(() -> {
            fetches.incrementAndGet();
            changes.changed(shape.tenant());
            return Sourced.fresh("yesterday's spend", clock.instant(), Duration.ZERO);
        }), new OnePart(false));
        assertThat(spend.fetch(SHAPE, in(10)).block().outcome().freshUntil()).isNotNull();
        assertThat(spend.fetch(SHAPE, in(10)).block().state()).isEqualTo(SourceState.CACHED);
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void anEntryIsNeverServedToAnotherTenant() {
        Source<Shape, String> source = cached(answering("tenant 1's"));
        source.fetch(SHAPE, in(10)).block();
        assertThat(source.fetch(new Shape(2, "shape"), in(10)).block().state()).isEqualTo(SourceState.FRESH);
        assertThat(fetches.get()).isEqualTo(2);
    }

    private Source<Shape, String> cached(Source<Shape, String> source) {
        return caching.decorate(source, new OnePart(true));
    }

    private Source<Shape, String> answering(String value) {
        return (shape, deadline) -> Mono.fromSupplier(() -> {
            fetches.incrementAndGet();
            return Sourced.fresh(value, clock.instant(), Duration.ZERO);
        });
    }

    private Source<Shape, String> answeringAfter(String value, Duration delay) {
        return (shape, deadline) -> Mono.delay(delay).map(tick -> {
            fetches.incrementAndGet();
            return Sourced.fresh(value, clock.instant(), delay);
        });
    }

    private static Source<Shape, String> failing() {
        return (shape, deadline) -> Mono.just(Sourced.failed(ErrorCode.SOURCE_UNAVAILABLE, "is unavailable",
                Duration.ZERO));
    }

    private static Deadline in(int seconds) {
        return Deadline.in(Duration.ofSeconds(seconds));
    }

    private static CacheProperties properties() {
        return new CacheProperties(true, Duration.ofHours(1), Duration.ofSeconds(60),
                new CacheProperties.Funnel(Duration.ofHours(6), Duration.ofSeconds(30), 100),
                new CacheProperties.AdSpend(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofMinutes(5),
                        Map.of(), 1000),
                new CacheProperties.Answers(true, Duration.ofMinutes(1), DataSize.ofMegabytes(1)));
    }

    /** What the fake source is asked: a tenant's data of one shape. */
    record Shape(long tenant, String name) {
    }

    /** One entry per shape, fresh for five minutes; out of date when its tenant's data changes, or not. */
    private final class OnePart implements CachePolicy<Shape, String, String> {

        private final boolean followsDataChanges;

        OnePart(boolean followsDataChanges) {
            this.followsDataChanges = followsDataChanges;
        }

        @Override
        public boolean followsDataChanges() {
            return followsDataChanges;
        }

        @Override
        public TieredCache<String> cache() {
            return cache;
        }

        @Override
        public long tenantId(Shape query) {
            return query.tenant();
        }

        @Override
        public List<String> keys(Shape query) {
            return List.of(query.tenant() + ":" + query.name());
        }

        @Override
        public Shape missing(Shape query, List<Integer> positions) {
            return query;
        }

        @Override
        public List<Part<String>> parts(Shape fetched, String data, Instant fetchedAt) {
            return List.of(new Part<>(keys(fetched).get(0), data, Duration.ofMinutes(5)));
        }

        @Override
        public String join(Shape query, List<String> parts) {
            return parts.get(0);
        }
    }
}
