package com.funnelgate.gateway.query;

import com.funnelgate.adconnectors.AdNetwork;
import java.util.Set;

/**
 * A validated restriction of a report. An empty set means no restriction on that dimension.
 *
 * @param networks only traffic and spend from these networks (unattributed traffic is excluded)
 * @param campaignIds only these campaigns
 * @param siteIds only these sites of the tenant
 * @param ctaIds only these calls-to-action of the tenant
 */
public record ReportFilter(Set<AdNetwork> networks, Set<String> campaignIds, Set<Long> siteIds, Set<Long> ctaIds) {

    public static final ReportFilter NONE = new ReportFilter(Set.of(), Set.of(), Set.of(), Set.of());

    public ReportFilter {
        networks = Set.copyOf(networks);
        campaignIds = Set.copyOf(campaignIds);
        siteIds = Set.copyOf(siteIds);
        ctaIds = Set.copyOf(ctaIds);
    }
}
