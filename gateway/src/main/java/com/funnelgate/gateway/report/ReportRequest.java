package com.funnelgate.gateway.report;

import com.funnelgate.gateway.query.Dimension;
import com.funnelgate.gateway.query.Granularity;
import java.util.List;

/**
 * The arguments of a {@code report} field as sent, before validation.
 *
 * @param tenantId the tenant asked for, or null to mean the caller's only tenant
 */
public record ReportRequest(DateRange range, Granularity granularity, List<Dimension> groupBy,
        ReportFilterInput filter, String tenantId) {

    public ReportRequest {
        granularity = granularity == null ? Granularity.DAY : granularity;
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    }
}
