package com.funnelgate.gateway.resilience;

import java.util.function.Predicate;

/**
 * Which errors count against a source's circuit breaker: everything {@link IgnoredByBreaker} does
 * not set aside, i.e. the errors that say the source itself is unwell (transient errors, timeouts,
 * lost connections, a database that does not answer).
 */
public final class RecordAsFailure implements Predicate<Throwable> {

    private static final IgnoredByBreaker IGNORED = new IgnoredByBreaker();

    @Override
    public boolean test(Throwable error) {
        return !IGNORED.test(error);
    }
}
