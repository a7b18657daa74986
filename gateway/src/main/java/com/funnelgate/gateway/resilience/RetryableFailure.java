package com.funnelgate.gateway.resilience;

import com.funnelgate.adconnectors.AdNetworkException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Which errors are worth another attempt: transient and rate-limited ones from a network (the
 * connectors say which), and an attempt that timed out. Credentials, permissions and bad requests
 * fail the same way every time.
 */
public final class RetryableFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable error) {
        if (error instanceof AdNetworkException network) {
            return network.isRetryable();
        }
        return error instanceof TimeoutException;
    }
}
