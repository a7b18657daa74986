package com.funnelgate.gateway.report;

import com.funnelgate.adconnectors.AdNetwork;
import java.util.List;

/** The {@code ReportFilter} argument as sent: lists may be null, ids are unchecked strings. */
public record ReportFilterInput(List<AdNetwork> networks, List<String> campaignIds, List<String> siteIds,
        List<String> ctaIds) {
}
