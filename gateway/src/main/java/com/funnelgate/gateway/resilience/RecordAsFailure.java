package com.funnelgate.gateway.resilience;

import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.gateway.errors.ApiException;
import java.util.function.Predicate;

/**
 * Which errors count against a source's circuit breaker: the ones that say the source itself is
 * unwell (transient errors, timeouts, lost connections, a database that does not answer). An
 * account's own problem — throttled, credentials rejected, no permission, a bad request — says
 * nothing about the network, so it never opens the breaker for every tenant.
 */
public final class RecordAsFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable error) {
        if (error instanceof AdNetworkException network) {
            return network instanceof AdNetworkException.Transient;
        }
        return !(error instanceof ApiException || error instanceof RetryWouldMissDeadline);
    }
}
