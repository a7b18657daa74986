package com.funnelgate.gateway.funnel;

import java.util.List;

/**
 * The tenant-days whose rollup rows a rollup run changed: cached reports over those days are out of
 * date. Handed to {@link FunnelCache} by the run, and by it to the other replicas (Redis pub/sub).
 */
public record FunnelDataChanged(List<TenantDay> days) {

    public FunnelDataChanged {
        days = List.copyOf(days);
    }
}
