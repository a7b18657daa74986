package com.funnelgate.gateway.report;

import com.funnelgate.gateway.query.Granularity;
import java.util.List;

/**
 * One tenant's report as the API returns it. Fields the query did not select may be left null
 * (the tenant's zone and currency are looked up only when asked for or needed).
 */
public record Report(String tenantId, DateRange range, Granularity granularity, String timeZone, String currency,
        List<ReportRow> rows, Metrics totals, List<SourceStatus> sources) {
}
