package com.funnelgate.gateway.query;

import com.funnelgate.gateway.tenancy.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one tenant's report asks of every source: an inclusive range of the tenant's local days,
 * how to bucket it in time, what to group by and what to keep. Validated before it is built.
 */
public record ReportQuery(Tenant tenant, LocalDate from, LocalDate to, Granularity granularity,
        Set<Dimension> groupBy, ReportFilter filter) {

    public ReportQuery {
        groupBy = groupBy.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groupBy));
    }

    public ZoneId zone() {
        return tenant.timeZone();
    }

    /** The first instant of the range: local midnight starting {@code from}. */
    public Instant start() {
        return from.atStartOfDay(zone()).toInstant();
    }

    /** The instant just after the range: local midnight ending {@code to}. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    /** Whether rows carry a network: grouped by network, or by campaign (which implies it). */
    public boolean byNetwork() {
        return groupBy.contains(Dimension.NETWORK) || groupBy.contains(Dimension.CAMPAIGN);
    }

    public boolean byCampaign() {
        return groupBy.contains(Dimension.CAMPAIGN);
    }

    public boolean bySite() {
        return groupBy.contains(Dimension.SITE);
    }

    public boolean byCta() {
        return groupBy.contains(Dimension.CTA);
    }

    /** The same query bucketed as one period and not grouped: what a totals-only report needs. */
    public ReportQuery totalsOnly() {
        return new ReportQuery(tenant, from, to, Granularity.TOTAL, Set.of(), filter);
    }
}
