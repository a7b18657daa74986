package com.funnelgate.gateway.funnel;

import java.util.List;

/**
 * Published (as a Spring application event) after a rollup run changed the rollup rows of some
 * tenant-days: cached reports over those days are out of date.
 */
public record FunnelDataChanged(List<TenantDay> days) {

    public FunnelDataChanged {
        days = List.copyOf(days);
    }
}
