package com.funnelgate.gateway.funnel;

import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.ReportFilter;
import com.funnelgate.gateway.query.ReportQuery;

/**
 * Writes the SQL of a funnel report: one statement that reads the rollup for everything below the
 * watermark and adds the raw events at or above it (the not-yet-rolled-up tail: at or above both
 * {@code :watermark} and the watermark the statement reads, which is the one of the rollup rows it
 * reads and never lower than a value read before), both grouped by
 * period (for HOUR: by rollup bucket) and the report's dimensions. Day-based reports that neither
 * group nor filter by site or call-to-action read the per-campaign days, which have far fewer rows.
 * Parameters: {@code :tenant, :tz, :from, :to, :start, :end, :watermark} and, when the filter has
 * them, {@code :networks, :campaigns, :sites, :ctas}. Only constant SQL fragments are concatenated;
 * every value is a bind parameter.
 */
final class FunnelSql {

    /**
     * The rollup bucket an event falls in. HOUR reports are grouped by bucket here and by local hour
     * in Java ({@code Periods.hourOf}), which knows the zone's offset changes exactly.
     */
    private static final String BUCKET_OF_EVENT = "date_bin(make_interval(mins => "
            + "(select bucket_minutes from tenants where tenant_id = :tenant)), occurred_at, "
            + "timestamptz '2000-01-01 00:00:00+00')";

    /**
     * The watermark as of the statement's own snapshot. {@code :watermark} alone could be older than
     * the rollup rows the statement reads; this alone would leave the planner guessing the tail's size.
     */
    private static final String TAIL_OF_THIS_SNAPSHOT =
            " and ingest_xid >= (select watermark from rollup_watermarks where rollup = 'funnel')";

    private FunnelSql() {
    }

    /** The report through rollups plus the raw tail. */
    static String withRollups(ReportQuery query, boolean visitors) {
        return rollup(query, visitors) + "\nunion all\n" + rawEvents(query, visitors, true);
    }

    /** The report from raw events alone (what a store without rollups would have to do). */
    static String rawOnly(ReportQuery query, boolean visitors) {
        return rawEvents(query, visitors, false);
    }

    private static String rollup(ReportQuery query, boolean visitors) {
        boolean hourly = query.granularity() == Granularity.HOUR;
        ReportFilter filter = query.filter();
        boolean perSiteOrCta = query.bySite() || query.byCta() || !filter.siteIds().isEmpty() || !filter.ctaIds().isEmpty();
        String period = hourly ? "bucket" : dayPeriod("day", query.granularity());
        String where = hourly
                ? "tenant_id = :tenant and bucket >= :start and bucket < :end"
                : "tenant_id = :tenant and day between :from and :to";
        // Grouped by every key column of the table it reads, each group is one row: read the rows as they are.
        boolean rowPerGroup = query.granularity() == (hourly ? Granularity.HOUR : Granularity.DAY) && query.byCampaign()
                && (!perSiteOrCta || query.bySite() && query.byCta());
        return "select " + period + " as period, "
                + dimensions(query, "nullif(ad_network, '')", "nullif(ad_campaign_id, '')") + ",\n"
                + (rowPerGroup ? rollupRows(visitors) : rollupSums(visitors))
                + "from " + (hourly ? "funnel_hourly" : perSiteOrCta ? "funnel_daily" : "funnel_campaign_daily") + "\n"
                + "where " + where + filters(query.filter())
                + (rowPerGroup ? "" : "\ngroup by 1, 2, 3, 4, 5");
    }

    private static String rollupSums(boolean visitors) {
        return "  sum(views)::bigint as views, sum(engagements)::bigint as engagements,"
                + " sum(conversions)::bigint as conversions, sum(completions)::bigint as completions,"
                + " sum(revenue) as revenue,\n"
                + (visitors ? "  string_agg(visitors, ''::bytea)" : "  null::bytea") + " as visitor_sets,"
                + " null::bigint[] as visitor_ids\n";
    }

    private static String rollupRows(boolean visitors) {
        return "  views, engagements, conversions, completions, revenue,\n"
                + (visitors ? "  visitors" : "  null::bytea") + " as visitor_sets, null::bigint[] as visitor_ids\n";
    }

    private static String rawEvents(ReportQuery query, boolean visitors, boolean tailOnly) {
        String period = query.granularity() == Granularity.HOUR
                ? BUCKET_OF_EVENT
                : dayPeriod("(occurred_at at time zone :tz)::date", query.granularity());
        return "select " + period + " as period, " + dimensions(query, "ad_network", "ad_campaign_id") + ",\n"
                + "  count(*) filter (where event_type = 'VIEW') as views,"
                + " count(*) filter (where event_type = 'ENGAGE') as engagements,"
                + " count(*) filter (where event_type = 'CONVERT') as conversions,"
                + " count(*) filter (where event_type = 'COMPLETE') as completions,"
                + " coalesce(sum(revenue), 0) as revenue,\n"
                + "  null::bytea as visitor_sets, "
                + (visitors ? "array_agg(distinct visitor_id)" : "null::bigint[]") + " as visitor_ids\n"
                + "from funnel_events\n"
                + "where tenant_id = :tenant and occurred_at >= :start and occurred_at < :end"
                + (tailOnly ? " and ingest_xid >= :watermark" + TAIL_OF_THIS_SNAPSHOT : "") + filters(query.filter()) + "\n"
                + "group by 1, 2, 3, 4, 5";
    }


    private static String dayPeriod(String day, Granularity granularity) {
        switch (granularity) {
            case DAY:
                return day;
            case WEEK:
                return "date_trunc('week', " + day + ")::date";
            case MONTH:
                return "date_trunc('month', " + day + ")::date";
            default:
                return "null::date";
        }
    }

    private static String dimensions(ReportQuery query, String network, String campaign) {
        return (query.byNetwork() ? network : "null::text") + " as network, "
                + (query.byCampaign() ? campaign : "null::text") + " as campaign, "
                + (query.bySite() ? "site_id" : "null::bigint") + " as site_id, "
                + (query.byCta() ? "cta_id" : "null::bigint") + " as cta_id";
    }

    private static String filters(ReportFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (!filter.networks().isEmpty()) {
            sql.append(" and ad_network = any(:networks)");
        }
        if (!filter.campaignIds().isEmpty()) {
            sql.append(" and ad_campaign_id = any(:campaigns)");
        }
        if (!filter.siteIds().isEmpty()) {
            sql.append(" and site_id = any(:sites)");
        }
        if (!filter.ctaIds().isEmpty()) {
            sql.append(" and cta_id = any(:ctas)");
        }
        return sql.toString();
    }
}
