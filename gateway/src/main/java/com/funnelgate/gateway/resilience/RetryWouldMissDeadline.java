package com.funnelgate.gateway.resilience;

/**
 * A retryable failure whose retry would start after the request's deadline (a network asked to wait
 * longer than is left, or the backoff is longer than what is left), so it is given up at once.
 * Carries the original failure as its cause.
 */
public final class RetryWouldMissDeadline extends RuntimeException {

    RetryWouldMissDeadline(Throwable failure) {
        super(failure.getMessage(), failure, false, false);
    }
}
