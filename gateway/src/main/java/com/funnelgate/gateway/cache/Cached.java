package com.funnelgate.gateway.cache;

import java.time.Instant;

/**
 * A cached value with its tenant and its ages: fresh until {@code freshUntil}, servable as stale
 * (when the source fails) until {@code staleUntil}, gone after that.
 *
 * @param tenantId the tenant the value belongs to; a lookup for another tenant never returns it
 * @param fetchedAt when the value was fetched from its source (the {@code asOf} of reports)
 */
public record Cached<V>(V value, long tenantId, Instant fetchedAt, Instant freshUntil, Instant staleUntil) {

    public boolean freshAt(Instant now) {
        return now.isBefore(freshUntil);
    }

    public boolean servableAt(Instant now) {
        return now.isBefore(staleUntil);
    }
}
