package com.funnelgate.gateway.resilience;

import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.source.Outcome;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Turns the failure of a data source into the API's error code and a reason a caller can act on.
 * Reasons never carry tokens, SQL or stack traces.
 */
public final class SourceErrors {

    private SourceErrors() {
    }

    /** The code of a source failure. */
    public static ErrorCode code(Throwable error) {
        Throwable cause = error instanceof RetryWouldMissDeadline ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return ErrorCode.SOURCE_TIMEOUT;
        }
        if (cause instanceof AdNetworkException.RateLimited || cause instanceof BulkheadFullException) {
            return ErrorCode.SOURCE_RATE_LIMITED;
        }
        if (cause instanceof AdNetworkException.CredentialsRejected
                || cause instanceof AdNetworkException.PermissionDenied) {
            return ErrorCode.SOURCE_CREDENTIALS_REJECTED;
        }
        return ErrorCode.SOURCE_UNAVAILABLE;
    }

    /**
     * What happened, in words the caller can act on, without the source's name: "did not answer within
     * the report's deadline", "the network rejected the account's credentials; reconnect the account", …
     */
    public static String reason(Throwable error) {
        Throwable cause = error instanceof RetryWouldMissDeadline ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return Outcome.TIMED_OUT;
        }
        if (cause instanceof CallNotPermittedException) {
            return "has been failing, so calls to it are paused for a while (circuit open)";
        }
        if (cause instanceof BulkheadFullException) {
            return "too many requests to this account are in flight";
        }
        if (cause instanceof AdNetworkException.RateLimited limited) {
            return "the network is throttling this account" + limited.retryAfter().map(SourceErrors::retryIn).orElse("");
        }
        if (cause instanceof AdNetworkException.CredentialsRejected) {
            return "the network rejected the account's credentials; reconnect the account";
        }
        if (cause instanceof AdNetworkException.PermissionDenied) {
            return "the account's credentials do not grant access to its reports";
        }
        return "is unavailable";
    }

    private static String retryIn(Duration wait) {
        return " (it asks to retry in " + Math.max(1, wait.toSeconds()) + " s)";
    }
}
