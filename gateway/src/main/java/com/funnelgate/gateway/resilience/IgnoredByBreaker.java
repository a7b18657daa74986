package com.funnelgate.gateway.resilience;

import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.gateway.errors.ApiException;
import java.util.function.Predicate;

/**
 * Errors a source's circuit breaker neither counts as failures nor as successes: an account's own
 * problem (throttled, credentials rejected, no permission, a bad request) or the caller's. They say
 * nothing about the network or database as a whole, so they must not open its breaker for every
 * tenant, nor dilute the failure rate that would.
 */
public final class IgnoredByBreaker implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable error) {
        if (error instanceof AdNetworkException network) {
            return !(network instanceof AdNetworkException.Transient);
        }
        return error instanceof ApiException;
    }
}
