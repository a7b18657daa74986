package com.funnelgate.gateway.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The version of each tenant's cached data in this replica: a number that grows whenever something a
 * cached value was built from may have changed (the tenant's funnel data rolled up here or on another
 * replica, an ad account added; for every tenant at once, Redis coming back after an outage). A value
 * computed while the number moved may predate the change: whoever caches it reads the number before
 * computing and keeps the value only while the number is still the same.
 *
 * <p>Numbers only grow, so comparing one reading with a later one for equality is enough.
 */
@Component
public class DataGenerations {

    private final Map<Long, AtomicLong> tenants = new ConcurrentHashMap<>();
    private final AtomicLong everyone = new AtomicLong();

    /** The tenant's current version. */
    public long of(long tenantId) {
        // Both parts only grow, so the sum changes whenever either does.
        return tenant(tenantId).get() + everyone.get();
    }

    /** The tenant's data has changed (or may have). */
    public void changed(long tenantId) {
        tenant(tenantId).incrementAndGet();
    }

    /** Every tenant's data may have changed. */
    public void changedAll() {
        everyone.incrementAndGet();
    }

    private AtomicLong tenant(long tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new AtomicLong());
    }
}
