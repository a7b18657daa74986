package com.funnelgate.gateway.report;

import com.funnelgate.adconnectors.AdNetwork;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of a report: a period, the values of the dimensions it is grouped by, and its metrics. */
public record ReportRow(LocalDate period, OffsetDateTime periodStart, AdNetwork network, String campaignId,
        String campaignName, String siteId, String ctaId, Metrics metrics) {
}
