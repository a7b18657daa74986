package com.funnelgate.gateway.resilience;

import com.funnelgate.gateway.source.Deadline;
import com.funnelgate.gateway.source.Source;
import com.funnelgate.gateway.source.Sourced;
import com.funnelgate.gateway.source.Stopwatch;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Wraps a call to a data source in its protections, innermost first: a time limiter per attempt and
 * the request's deadline (both inside the breaker, so an attempt either cuts short counts as a failure
 * of that source; with no time left at all the call is not made), the source's circuit breaker (one per
 * network, one per database), a retry for transient and rate-limited failures that honours the
 * network's retry-after and is not made unless its attempt would still have {@link #MIN_ATTEMPT} before
 * the deadline, and a concurrency limit per ad account. Breakers, retries and time
 * limiters are named instances inheriting the {@code resilience4j.*.configs.default} settings.
 *
 * <p>{@link #decorate} turns a plain call into a {@link Source} under these protections, whose failures
 * become FAILED outcomes with the API's error code.
 */
@Component
public class SourceGuard {

    private static final Logger log = LoggerFactory.getLogger(SourceGuard.class);
    private static final String NO_TIME_LEFT = "the request's deadline passed before the source was called";
    /** The least time a retried attempt is given; a retry that would leave less is not made. */
    static final Duration MIN_ATTEMPT = Duration.ofMillis(200);

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final TimeLimiterRegistry limiters;
    private final BulkheadRegistry bulkheads;
    private final Clock clock;

    public SourceGuard(CircuitBreakerRegistry breakers, RetryRegistry retries, TimeLimiterRegistry limiters,
            ResilienceProperties properties, Clock clock) {
        this.breakers = breakers;
        this.retries = retries;
        this.limiters = limiters;
        this.clock = clock;
        // Per-account limits live in a registry of their own: one instance per account must not
        // become one metric series per account.
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.accountConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    /**
     * A source that makes the call under the protections the query names: FRESH with the data, or
     * FAILED with the code and reason of what went wrong (logged once, here).
     */
    public <Q, T> Source<Q, T> decorate(Function<Q, Mono<T>> call, Function<Q, Protection> protection) {
        return (query, deadline) -> Mono.defer(() -> {
            Stopwatch watch = Stopwatch.start();
            // As of when it was asked: what it answers is at least that fresh (and a cache keeps it no longer).
            Instant asked = clock.instant();
            Protection protections = protection.apply(query);
            return protect(Mono.defer(() -> call.apply(query)), protections, deadline)
                    .map(value -> Sourced.fresh(value, asked, watch.elapsed()))
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("the source answered nothing")))
                    .onErrorResume(error -> {
                        log.warn("{} failed: {}", protections.subject(), error.toString());
                        return Mono.just(Sourced.failed(SourceErrors.code(error), SourceErrors.reason(error),
                                watch.elapsed()));
                    });
        });
    }

    /** The call, protected; it ends by the deadline, with the call's value or the error that ended it. */
    public <T> Mono<T> protect(Mono<T> call, Protection protection, Deadline deadline) {
        Retry retry = retries.retry(protection.instance());
        Mono<T> guarded = Mono.defer(() -> call
                        .transformDeferred(TimeLimiterOperator.of(limiters.timeLimiter(protection.instance())))
                        .timeout(deadline.remaining()))
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(protection.instance())));
        return Mono.defer(() -> {
            AtomicInteger attempts = new AtomicInteger();
            Mono<T> attempt = Mono.defer(() -> {
                        attempts.incrementAndGet();
                        // With no time left the call is not made, and the source is not blamed for it.
                        return deadline.remaining().isZero() ? Mono.<T>error(new TimeoutException(NO_TIME_LEFT))
                                : guarded;
                    })
                    .onErrorMap(error -> !retryFits(retry, attempts.get(), error, deadline), RetryWouldMissDeadline::new);
            Mono<T> retried = attempt.transformDeferred(RetryOperator.of(retry));
            return protection.bulkhead() == null ? retried
                    : retried.transformDeferred(BulkheadOperator.of(bulkheads.bulkhead(protection.bulkhead())));
        });
    }

    /**
     * Whether a retry of this failure, if there is to be one, would leave its attempt at least
     * {@link #MIN_ATTEMPT} before the deadline (an attempt certain to be cut short would only count
     * against the source).
     */
    private static boolean retryFits(Retry retry, int attempts, Throwable error, Deadline deadline) {
        if (attempts >= retry.getRetryConfig().getMaxAttempts()
                || !retry.getRetryConfig().getExceptionPredicate().test(error)) {
            return true;
        }
        long wait = retry.getRetryConfig().<Object>getIntervalBiFunction().apply(attempts, Either.left(error));
        return wait + MIN_ATTEMPT.toMillis() <= deadline.remaining().toMillis();
    }
}
