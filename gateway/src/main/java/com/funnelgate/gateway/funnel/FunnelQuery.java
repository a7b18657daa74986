package com.funnelgate.gateway.funnel;

import com.funnelgate.gateway.query.ReportQuery;

/**
 * What the funnel store is asked for a report.
 *
 * @param visitors whether to count distinct visitors (costs the visitor sets' transfer)
 */
public record FunnelQuery(ReportQuery report, boolean visitors) {

    public long tenantId() {
        return report.tenant().id();
    }
}
