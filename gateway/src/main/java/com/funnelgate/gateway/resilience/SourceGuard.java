package com.funnelgate.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Wraps a call to a data source in its protections, innermost first: a time limiter per attempt,
 * the source's circuit breaker (one per network, one per database), a retry for transient and
 * rate-limited failures that honours the network's retry-after and never outlives the request's
 * deadline, a concurrency limit per ad account, and the deadline itself. Breakers, retries and
 * time limiters are named instances inheriting the {@code resilience4j.*.configs.default} settings.
 */
@Component
public class SourceGuard {

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final TimeLimiterRegistry limiters;
    private final BulkheadRegistry bulkheads;

    public SourceGuard(CircuitBreakerRegistry breakers, RetryRegistry retries, TimeLimiterRegistry limiters,
            ResilienceProperties properties) {
        this.breakers = breakers;
        this.retries = retries;
        this.limiters = limiters;
        // Per-account limits live in a registry of their own: one instance per account must not
        // become one metric series per account.
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.accountConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    /**
     * The call, protected.
     *
     * @param source the name of the source's breaker, retry and time limiter (e.g. {@code ad-META})
     * @param account the name of the account's concurrency limit, or null for none
     */
    public <T> Mono<T> protect(Mono<T> call, String source, String account, Deadline deadline) {
        Mono<T> attempt = call
                .transformDeferred(TimeLimiterOperator.of(limiters.timeLimiter(source)))
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(source)))
                .onErrorMap(error -> retryWouldMissDeadline(error, deadline), RetryWouldMissDeadline::new);
        Mono<T> retried = attempt.transformDeferred(RetryOperator.of(retries.retry(source)));
        Mono<T> limited = account == null ? retried
                : retried.transformDeferred(BulkheadOperator.of(bulkheads.bulkhead(account)));
        return Mono.defer(() -> limited.timeout(deadline.remaining()));
    }

    private static boolean retryWouldMissDeadline(Throwable error, Deadline deadline) {
        Duration asked = RetryAfterOrBackoff.retryAfter(error);
        return asked != null && asked.compareTo(deadline.remaining()) >= 0;
    }
}
