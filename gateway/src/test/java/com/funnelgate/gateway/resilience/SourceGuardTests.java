package com.funnelgate.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.source.Deadline;
import com.funnelgate.gateway.source.Source;
import com.funnelgate.gateway.source.SourceState;
import com.funnelgate.gateway.source.Sourced;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The protections of a source, on virtual time (no sleeps, no wall clock): the breaker opens after
 * the configured failures (attempts the deadline cut short among them), short-circuits while open, and
 * closes once the source recovers; retries honour the network's retry-after and never outlive the
 * deadline; only transient and throttling failures are retried; a decorated source answers with its
 * outcome instead of failing.
 */
class SourceGuardTests {

    private final MutableClock clock = new MutableClock();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(4)
            .minimumNumberOfCalls(4)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(2)
            .recordException(new RecordAsFailure())
            .ignoreException(new IgnoredByBreaker())
            .clock(clock)
            .build());
    private final SourceGuard guard = new SourceGuard(breakers,
            RetryRegistry.of(RetryConfig.custom().maxAttempts(3).retryOnException(new RetryableFailure())
                    .intervalBiFunction(new RetryAfterOrBackoff()).build()),
            TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(5)).build()),
            new ResilienceProperties(10), clock);
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void theBreakerOpensShortCircuitsAndClosesAgainAfterRecovery() {
        CircuitBreaker breaker = breakers.circuitBreaker("ad-META");
        // Three attempts fail; the fourth failure, the first attempt of the next call, opens the
        // breaker, which then refuses that call's retry.
        StepVerifier.withVirtualTime(() -> guard.protect(failing(transientError()), on("ad-META"), deadline()))
                .thenAwait(Duration.ofSeconds(5))
                .verifyError(AdNetworkException.Transient.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        StepVerifier.withVirtualTime(() -> guard.protect(failing(transientError()), on("ad-META"), deadline()))
                .thenAwait(Duration.ofSeconds(5))
                .verifyError(CallNotPermittedException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(calls.get()).isEqualTo(4);

        int before = calls.get();
        StepVerifier.create(guard.protect(succeeding(), on("ad-META"), deadline()))
                .verifyError(CallNotPermittedException.class);
        assertThat(calls.get()).as("no call reaches the source while the breaker is open").isEqualTo(before);

        clock.advance(Duration.ofSeconds(31));
        StepVerifier.create(guard.protect(succeeding(), on("ad-META"), deadline())).expectNext("rows").verifyComplete();
        StepVerifier.create(guard.protect(succeeding(), on("ad-META"), deadline())).expectNext("rows").verifyComplete();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anAccountsOwnProblemNeverOpensTheNetworksBreaker() {
        for (int i = 0; i < 6; i++) {
            StepVerifier.create(guard.protect(failing(new AdNetworkException.CredentialsRejected(AdNetwork.META,
                    "expired", null)), on("ad-META"), deadline())).verifyError();
        }
        assertThat(breakers.circuitBreaker("ad-META").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls.get()).as("credentials errors are not retried").isEqualTo(6);
    }

    @Test
    void aThrottledCallIsRetriedAfterTheWaitTheNetworkAskedFor() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> throttledOnce = Mono.defer(() -> attempts.incrementAndGet() == 1
                ? Mono.error(rateLimited(Duration.ofSeconds(2))) : Mono.just("rows"));
        StepVerifier.withVirtualTime(() -> guard.protect(throttledOnce, on("ad-GOOGLE_ADS"), Deadline.in(Duration.ofSeconds(10))))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("rows")
                .verifyComplete();
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void aRetryThatWouldMissTheDeadlineIsNotMade() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> throttled = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(rateLimited(Duration.ofSeconds(30)));
        });
        StepVerifier.withVirtualTime(() -> guard.protect(throttled, on("ad-ADROLL"), Deadline.in(Duration.ofSeconds(10))))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(RetryWouldMissDeadline.class);
                    assertThat(SourceErrors.code(error).name()).isEqualTo("SOURCE_RATE_LIMITED");
                })
                .verify();
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void transientFailuresAreRetriedWithBackoffAndGivenUpAfterTheLastAttempt() {
        StepVerifier.withVirtualTime(() -> guard.protect(failing(transientError()), on("ad-META"), deadline()))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(599))
                .thenAwait(Duration.ofMillis(1))
                .verifyError(AdNetworkException.Transient.class);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void theDeadlineCutsAHangingSourceShort() {
        StepVerifier.withVirtualTime(() -> guard.protect(Mono.never(), on("ad-META"), Deadline.in(Duration.ofSeconds(2))))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> assertThat(SourceErrors.code(error).name()).isEqualTo("SOURCE_TIMEOUT"))
                .verify();
    }

    @Test
    void anAttemptCutOffByTheDeadlineCountsAsAFailureOfTheSource() {
        StepVerifier.withVirtualTime(() -> guard.protect(Mono.never(), on("ad-META"), Deadline.in(Duration.ofSeconds(2))))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(2))
                .expectError()
                .verify();
        assertThat(breakers.circuitBreaker("ad-META").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void aRetryThatWouldLeaveItsAttemptTooLittleTimeIsNotMade() {
        StepVerifier.withVirtualTime(() -> guard.protect(failing(transientError()), on("ad-META"),
                        Deadline.in(Duration.ofMillis(300))))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(RetryWouldMissDeadline.class);
                    assertThat(error.getCause()).isInstanceOf(AdNetworkException.Transient.class);
                })
                .verify();
        assertThat(calls.get()).as("a 200 ms backoff would leave 100 ms for the attempt").isEqualTo(1);
    }

    @Test
    void aDecoratedSourceIsAsOfWhenItWasAskedAndNeverAnswersNothing() {
        Instant asked = clock.instant();
        Source<String, String> slow = guard.decorate(query -> Mono.fromSupplier(() -> {
            clock.advance(Duration.ofMinutes(1));
            return "rows";
        }), query -> on("funnel"));
        assertThat(slow.fetch("rows", deadline()).block().outcome().asOf()).isEqualTo(asked);
        Source<String, String> empty = guard.decorate(query -> Mono.empty(), query -> on("funnel"));
        Sourced<String> nothing = empty.fetch("rows", deadline()).block();
        assertThat(nothing.state()).isEqualTo(SourceState.FAILED);
        assertThat(nothing.outcome().errorCode()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
    }

    @Test
    void aSourceAskedWithNoTimeLeftIsNeitherCalledNorBlamed() {
        StepVerifier.withVirtualTime(() -> guard.protect(succeeding(), on("ad-META"), Deadline.in(Duration.ZERO)))
                .expectErrorSatisfies(error -> assertThat(SourceErrors.code(error).name()).isEqualTo("SOURCE_TIMEOUT"))
                .verify();
        assertThat(calls.get()).isZero();
        assertThat(breakers.circuitBreaker("ad-META").getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void aHangingSourceOpensItsBreakerAfterTheConfiguredFailuresAndIsThenNotCalled() {
        Source<String, String> hanging = guard.decorate(
                query -> Mono.<String>never().doOnSubscribe(subscription -> calls.incrementAndGet()),
                query -> on("ad-META"));
        for (int i = 0; i < 4; i++) {
            StepVerifier.withVirtualTime(() -> hanging.fetch("rows", Deadline.in(Duration.ofSeconds(2))))
                    .expectSubscription()
                    .expectNoEvent(Duration.ofMillis(1999))
                    .thenAwait(Duration.ofMillis(1))
                    .assertNext(answer -> {
                        assertThat(answer.state()).isEqualTo(SourceState.FAILED);
                        assertThat(answer.outcome().errorCode()).isEqualTo(ErrorCode.SOURCE_TIMEOUT);
                        assertThat(answer.outcome().latency()).isEqualTo(Duration.ofSeconds(2));
                    })
                    .verifyComplete();
        }
        assertThat(breakers.circuitBreaker("ad-META").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        Sourced<String> refused = hanging.fetch("rows", Deadline.in(Duration.ofSeconds(2))).block();
        assertThat(refused.outcome().errorCode()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
        assertThat(refused.outcome().reason()).contains("circuit open");
        assertThat(calls.get()).as("one call per request, none while open").isEqualTo(4);
    }

    @Test
    void aDecoratedSourceAnswersFreshWithTheDataOrFailedWithTheCodeAndReason() {
        Source<String, String> source = guard.decorate(query -> query.equals("ok") ? succeeding()
                : failing(new AdNetworkException.CredentialsRejected(AdNetwork.META, "expired token", null)),
                query -> on("ad-META"));
        Sourced<String> ok = source.fetch("ok", deadline()).block();
        assertThat(ok.state()).isEqualTo(SourceState.FRESH);
        assertThat(ok.value()).isEqualTo("rows");
        assertThat(ok.outcome().asOf()).isNotNull();
        Sourced<String> rejected = source.fetch("rejected", deadline()).block();
        assertThat(rejected.state()).isEqualTo(SourceState.FAILED);
        assertThat(rejected.value()).isNull();
        assertThat(rejected.outcome().errorCode()).isEqualTo(ErrorCode.SOURCE_CREDENTIALS_REJECTED);
        assertThat(rejected.outcome().reason()).isEqualTo("the network rejected the account's credentials; "
                + "reconnect the account").doesNotContain("expired token");
    }

    private static Protection on(String instance) {
        return new Protection(instance, null, instance);
    }

    private Deadline deadline() {
        return Deadline.in(Duration.ofSeconds(60));
    }

    private Mono<String> failing(Throwable error) {
        return Mono.defer(() -> {
            calls.incrementAndGet();
            return Mono.error(error);
        });
    }

    private Mono<String> succeeding() {
        return Mono.fromSupplier(() -> {
            calls.incrementAndGet();
            return "rows";
        });
    }

    private static AdNetworkException.Transient transientError() {
        return new AdNetworkException.Transient(AdNetwork.META, AdNetworkException.Transient.Reason.SERVER_ERROR,
                "HTTP 503", null);
    }

    private static AdNetworkException.RateLimited rateLimited(Duration retryAfter) {
        return new AdNetworkException.RateLimited(AdNetwork.GOOGLE_ADS, "quota", "RESOURCE_EXHAUSTED", retryAfter, null);
    }

    /** A clock tests move by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
