package com.funnelgate.gateway.resilience;

import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.gateway.errors.ErrorCode;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Turns the failure of a data source into the API's error code and a message a caller can act
 * on. Messages name the source but never carry tokens, SQL or stack traces.
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

    /** What to tell the caller about a source failure; {@code what} names the missing data. */
    public static String message(String source, String what, Throwable error) {
        Throwable cause = error instanceof RetryWouldMissDeadline ? error.getCause() : error;
        String prefix = source + ": ";
        String missing = " " + what + " from it are missing from this report.";
        if (cause instanceof TimeoutException) {
            return prefix + "did not answer within the report's deadline;" + missing;
        }
        if (cause instanceof CallNotPermittedException) {
            return prefix + "has been failing, so calls to it are paused for a while (circuit open);" + missing;
        }
        if (cause instanceof BulkheadFullException) {
            return prefix + "too many requests to this account are in flight;" + missing;
        }
        if (cause instanceof AdNetworkException.RateLimited limited) {
            return prefix + "the network is throttling this account"
                    + limited.retryAfter().map(SourceErrors::retryIn).orElse("") + ";" + missing;
        }
        if (cause instanceof AdNetworkException.CredentialsRejected) {
            return prefix + "the network rejected the account's credentials; reconnect the account." + missing;
        }
        if (cause instanceof AdNetworkException.PermissionDenied) {
            return prefix + "the account's credentials do not grant access to its reports." + missing;
        }
        return prefix + "is unavailable;" + missing;
    }

    private static String retryIn(Duration wait) {
        return " (it asks to retry in " + Math.max(1, wait.toSeconds()) + " s)";
    }
}
