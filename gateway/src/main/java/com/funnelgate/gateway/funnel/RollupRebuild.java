package com.funnelgate.gateway.funnel;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Replaces the rollup rows of some consecutive days of one tenant with rows rebuilt from all their
 * events below the horizon, inside the rollup run's transaction: reads the events once, grouped by
 * bucket and dimensions, folds the buckets into days (a bucket never straddles two local days, as
 * bucket edges line up with the tenant's local hours), then deletes and inserts each rollup table's
 * rows of those days with one statement each. Rebuilding the same days again yields the same rows.
 */
final class RollupRebuild {

    // array_agg without distinct lets PostgreSQL hash the groups rather than sort every event; the
    // visitor sets drop repeated ids anyway.
    private static final String EVENTS = """
            select date_bin(make_interval(mins => :minutes), occurred_at, timestamptz '2000-01-01 00:00:00+00') as bucket,
              site_id, cta_id, coalesce(ad_network, '') as ad_network, coalesce(ad_campaign_id, '') as ad_campaign_id,
              count(*) filter (where event_type = 'VIEW') as views,
              count(*) filter (where event_type = 'ENGAGE') as engagements,
              count(*) filter (where event_type = 'CONVERT') as conversions,
              count(*) filter (where event_type = 'COMPLETE') as completions,
              coalesce(sum(revenue), 0) as revenue,
              array_agg(visitor_id) as visitor_ids
            from funnel_events
            where tenant_id = :tenant and occurred_at >= :start and occurred_at < :end and ingest_xid < :horizon
            group by 1, 2, 3, 4, 5""";

    private static final String INSERT_HOURLY = """
            insert into funnel_hourly (tenant_id, bucket, site_id, cta_id, ad_network, ad_campaign_id,
                                       views, engagements, conversions, completions, revenue, visitors)
            select :tenant, to_timestamp(b), s, c, n, k, v, e, cv, cp, r::numeric, decode(x, 'base64')
            from unnest(:buckets::bigint[], :sites::bigint[], :ctas::bigint[], :networks::text[], :campaigns::text[],
                        :views::bigint[], :engagements::bigint[], :conversions::bigint[], :completions::bigint[],
                        :revenue::text[], :visitors::text[]) as u(b, s, c, n, k, v, e, cv, cp, r, x)""";
    private static final String INSERT_DAILY = """
            insert into funnel_daily (tenant_id, day, site_id, cta_id, ad_network, ad_campaign_id,
                                      views, engagements, conversions, completions, revenue, visitors)
            select :tenant, d, s, c, n, k, v, e, cv, cp, r::numeric, decode(x, 'base64')
            from unnest(:days::date[], :sites::bigint[], :ctas::bigint[], :networks::text[], :campaigns::text[],
                        :views::bigint[], :engagements::bigint[], :conversions::bigint[], :completions::bigint[],
                        :revenue::text[], :visitors::text[]) as u(d, s, c, n, k, v, e, cv, cp, r, x)""";
    private static final String INSERT_CAMPAIGN_DAILY = """
            insert into funnel_campaign_daily (tenant_id, day, ad_network, ad_campaign_id,
                                               views, engagements, conversions, completions, revenue, visitors)
            select :tenant, d, n, k, v, e, cv, cp, r::numeric, decode(x, 'base64')
            from unnest(:days::date[], :networks::text[], :campaigns::text[],
                        :views::bigint[], :engagements::bigint[], :conversions::bigint[], :completions::bigint[],
                        :revenue::text[], :visitors::text[]) as u(d, n, k, v, e, cv, cp, r, x)""";

    private final DatabaseClient db;

    RollupRebuild(DatabaseClient db) {
        this.db = db;
    }

    /** Rebuilds the days; completes with the number of rollup rows written. */
    Mono<Long> rebuild(DaysToRebuild days, long horizon) {
        List<Row> hourly = new ArrayList<>();
        Map<Row, Row> daily = new LinkedHashMap<>();
        Map<Row, Row> byCampaign = new LinkedHashMap<>();
        Mono<Void> read = db.sql(EVENTS)
                .bind("minutes", (int) days.bucketMinutes())
                .bind("tenant", days.tenantId())
                .bind("start", days.start())
                .bind("end", days.end())
                .bind("horizon", horizon)
                .map(row -> Row.of(row, days))
                .all()
                .doOnNext(row -> {
                    hourly.add(row);
                    daily.computeIfAbsent(row.withoutBucket(), Row::empty).tally().add(row.tally());
                    byCampaign.computeIfAbsent(row.withoutBucketSiteAndCta(), Row::empty).tally().add(row.tally());
                })
                .then();
        // One connection carries the whole transaction: one statement after the other.
        return read.then(delete(days))
                .then(Mono.defer(() -> insert(INSERT_HOURLY, days, hourly, Grain.HOURLY)))
                .flatMap(rows -> insert(INSERT_DAILY, days, daily.values(), Grain.DAILY).map(more -> rows + more))
                .flatMap(rows -> insert(INSERT_CAMPAIGN_DAILY, days, byCampaign.values(), Grain.CAMPAIGN_DAILY)
                        .map(more -> rows + more));
    }

    private Mono<Void> delete(DaysToRebuild days) {
        return db.sql("delete from funnel_hourly where tenant_id = :tenant and bucket >= :start and bucket < :end")
                .bind("tenant", days.tenantId()).bind("start", days.start()).bind("end", days.end())
                .then()
                .then(deleteDays("funnel_daily", days))
                .then(deleteDays("funnel_campaign_daily", days));
    }

    private Mono<Void> deleteDays(String table, DaysToRebuild days) {
        return db.sql("delete from " + table + " where tenant_id = :tenant and day between :first and :last")
                .bind("tenant", days.tenantId()).bind("first", days.first()).bind("last", days.last())
                .then();
    }

    /** The rollup tables: which key columns beyond the tenant their rows have. */
    private enum Grain { HOURLY, DAILY, CAMPAIGN_DAILY }

    private Mono<Long> insert(String sql, DaysToRebuild days, Collection<Row> rows, Grain grain) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        int n = rows.size();
        Long[] buckets = new Long[n];
        String[] dates = new String[n];
        Long[] sites = new Long[n];
        Long[] ctas = new Long[n];
        String[] networks = new String[n];
        String[] campaigns = new String[n];
        Long[] views = new Long[n];
        Long[] engagements = new Long[n];
        Long[] conversions = new Long[n];
        Long[] completions = new Long[n];
        String[] revenue = new String[n];
        String[] visitors = new String[n];
        Base64.Encoder base64 = Base64.getEncoder();
        int i = 0;
        for (Row row : rows) {
            FunnelTally tally = row.tally();
            buckets[i] = grain == Grain.HOURLY ? row.bucket().getEpochSecond() : null;
            dates[i] = row.day().toString();
            sites[i] = row.siteId();
            ctas[i] = row.ctaId();
            networks[i] = row.network();
            campaigns[i] = row.campaign();
            views[i] = tally.views;
            engagements[i] = tally.engagements;
            conversions[i] = tally.conversions;
            completions[i] = tally.completions;
            revenue[i] = tally.revenue.toPlainString();
            visitors[i++] = base64.encodeToString(tally.visitors.serialize());
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql(sql).bind("tenant", days.tenantId())
                .bind("networks", networks).bind("campaigns", campaigns)
                .bind("views", views).bind("engagements", engagements).bind("conversions", conversions)
                .bind("completions", completions).bind("revenue", revenue).bind("visitors", visitors);
        if (grain != Grain.CAMPAIGN_DAILY) {
            insert = insert.bind("sites", sites).bind("ctas", ctas);
        }
        insert = grain == Grain.HOURLY ? insert.bind("buckets", buckets) : insert.bind("days", dates);
        return insert.fetch().rowsUpdated();
    }

    /**
     * A rollup row being built: its keys and tally. As a map key (tally null), a daily or
     * per-campaign row's keys, with the finer keys it does not have set to null.
     */
    private record Row(Instant bucket, LocalDate day, Long siteId, Long ctaId, String network, String campaign,
            FunnelTally tally) {

        static Row of(Readable row, DaysToRebuild days) {
            Instant bucket = row.get("bucket", OffsetDateTime.class).toInstant();
            FunnelTally tally = new FunnelTally(true);
            tally.add(row.get("views", Long.class), row.get("engagements", Long.class),
                    row.get("conversions", Long.class), row.get("completions", Long.class),
                    row.get("revenue", BigDecimal.class));
            for (Long visitor : row.get("visitor_ids", Long[].class)) {
                tally.visitors.add(visitor);
            }
            return new Row(bucket, LocalDate.ofInstant(bucket, days.zone()), row.get("site_id", Long.class),
                    row.get("cta_id", Long.class), row.get("ad_network", String.class),
                    row.get("ad_campaign_id", String.class), tally);
        }

        Row withoutBucket() {
            return new Row(null, day, siteId, ctaId, network, campaign, null);
        }

        Row withoutBucketSiteAndCta() {
            return new Row(null, day, null, null, network, campaign, null);
        }

        /** A row with these keys and nothing counted yet. */
        Row empty() {
            return new Row(bucket, day, siteId, ctaId, network, campaign, new FunnelTally(true));
        }
    }
}
