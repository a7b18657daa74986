package com.funnelgate.gateway.resilience;

import com.funnelgate.adconnectors.AdNetworkException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.time.Duration;

/**
 * How long to wait before the next attempt: what a throttling network asked for (its retry-after),
 * else an exponential backoff from 200 ms. Retries never outlive the request's deadline: see
 * {@link SourceGuard}.
 */
public final class RetryAfterOrBackoff implements IntervalBiFunction<Object> {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    @Override
    public Long apply(Integer attempt, Either<Throwable, Object> outcome) {
        if (outcome.isLeft()) {
            Duration asked = retryAfter(outcome.getLeft());
            if (asked != null) {
                return asked.toMillis();
            }
        }
        return FIRST_BACKOFF.toMillis() << Math.min(6, Math.max(0, attempt - 1));
    }

    /** The wait a rate-limited error asks for, or null when it asks for none. */
    static Duration retryAfter(Throwable error) {
        if (error instanceof AdNetworkException.RateLimited limited) {
            return limited.retryAfter().orElse(null);
        }
        return null;
    }
}
