package com.funnelgate.gateway.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * When tenants' data last changed, as this replica learnt it: whenever something a cached value may
 * have been built from changes (a tenant's funnel data rolled up here or on another replica, an ad
 * account added; every tenant's at once when Redis comes back after an outage). Whoever caches a value
 * computed from sources takes a {@link #mark()} before reading them, and keeps or serves the value only
 * while the tenants it is about have not {@link #changedSince} that mark: a value computed while the
 * data changed may predate the change.
 *
 * <p>Changes are numbered in order; a mark is the number of the last change so far.
 */
@Component
public class DataChanges {

    private final AtomicLong last = new AtomicLong();
    private final Map<Long, Long> tenants = new ConcurrentHashMap<>();
    private final AtomicLong everyone = new AtomicLong();

    /** The point reached so far: a later change is one "since" it. */
    public long mark() {
        return last.get();
    }

    /** The tenant's data has changed (or may have). */
    public void changed(long tenantId) {
        tenants.merge(tenantId, last.incrementAndGet(), Math::max);
    }

    /** Every tenant's data may have changed. */
    public void changedAll() {
        long change = last.incrementAndGet();
        everyone.accumulateAndGet(change, Math::max);
    }

    /** Whether the tenant's data changed after the mark was taken. */
    public boolean changedSince(long tenantId, long mark) {
        return everyone.get() > mark || tenants.getOrDefault(tenantId, 0L) > mark;
    }
}
