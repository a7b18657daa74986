package com.funnelgate.gateway.funnel;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Maintains the funnel rollups ({@code funnel_hourly}, {@code funnel_daily}, {@code funnel_campaign_daily})
 * from raw events.
 *
 * <p>A run, in one transaction: take the database's rollup lock (one leader per database; other
 * replicas skip), move the horizon to the oldest transaction still running (every event below it
 * is final, late ones included), find the tenant-days that received events between the old
 * watermark and the horizon, rebuild those days' rollup rows from all their events below the
 * horizon, and store the horizon as the new watermark. Rebuilding a day always yields the same rows
 * (idempotent), and readers see either the old rows and watermark or the new ones, never a mix.
 */
@Component
public class FunnelRollup {

    /** Advisory lock id of the funnel rollup ("fgrollup" in ASCII, shortened). */
    private static final long LOCK = 0x6667726f6c6cL;

    private static final String HORIZON = "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    private static final String TOUCHED = """
            select e.tenant_id, t.time_zone, t.bucket_minutes, (e.occurred_at at time zone t.time_zone)::date as day
            from funnel_events e join tenants t on t.tenant_id = e.tenant_id
            where e.ingest_xid >= :from and e.ingest_xid < :to
            group by 1, 2, 3, 4
            order by 1, 4""";

    private static final String DAY_EVENTS = """
            select date_bin(make_interval(mins => :minutes), occurred_at, timestamptz '2000-01-01 00:00:00+00') as bucket,
              site_id, cta_id, coalesce(ad_network, '') as ad_network, coalesce(ad_campaign_id, '') as ad_campaign_id,
              count(*) filter (where event_type = 'VIEW') as views,
              count(*) filter (where event_type = 'ENGAGE') as engagements,
              count(*) filter (where event_type = 'CONVERT') as conversions,
              count(*) filter (where event_type = 'COMPLETE') as completions,
              coalesce(sum(revenue), 0) as revenue,
              array_agg(distinct visitor_id) as visitor_ids
            from funnel_events
            where tenant_id = :tenant and occurred_at >= :start and occurred_at < :end and ingest_xid < :horizon
            group by 1, 2, 3, 4, 5""";

    private static final String INSERT_COLUMNS =
            "site_id, cta_id, ad_network, ad_campaign_id, views, engagements, conversions, completions, revenue, visitors";
    private static final String UNNEST = """
            from unnest(:sites::bigint[], :ctas::bigint[], :networks::text[], :campaigns::text[], :views::bigint[],
                        :engagements::bigint[], :conversions::bigint[], :completions::bigint[], :revenue::text[],
                        :visitors::text[]) as u(s, c, n, k, v, e, cv, cp, r, x)""";
    private static final String INSERT_HOURLY = "insert into funnel_hourly (tenant_id, bucket, " + INSERT_COLUMNS + ")\n"
            + "select :tenant, to_timestamp(b), s, c, n, k, v, e, cv, cp, r::numeric, decode(x, 'base64')\n"
            + UNNEST.replace("from unnest(", "from unnest(:buckets::bigint[], ").replace("as u(", "as u(b, ");
    private static final String INSERT_DAILY = "insert into funnel_daily (tenant_id, day, " + INSERT_COLUMNS + ")\n"
            + "select :tenant, :day, s, c, n, k, v, e, cv, cp, r::numeric, decode(x, 'base64')\n" + UNNEST;
    private static final String INSERT_CAMPAIGN_DAILY = "insert into funnel_campaign_daily (tenant_id, day, "
            + INSERT_COLUMNS.replace("site_id, cta_id, ", "") + ")\n"
            + "select :tenant, :day, n, k, v, e, cv, cp, r::numeric, decode(x, 'base64')\n"
            + UNNEST.replace(":sites::bigint[], :ctas::bigint[], ", "").replace("u(s, c, ", "u(");

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    public FunnelRollup(DatabaseClient db, ReactiveTransactionManager transactions) {
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
    }

    /** Runs the job once; completes with what it did (a follower does nothing). */
    public Mono<RollupRun> runOnce() {
        Mono<RollupRun> run = db.sql("select pg_try_advisory_xact_lock(:lock)").bind("lock", LOCK)
                .map(row -> row.get(0, Boolean.class)).one()
                .flatMap(leader -> leader ? roll() : Mono.just(RollupRun.follower()));
        return transaction.transactional(run);
    }

    private Mono<RollupRun> roll() {
        Mono<Long> horizon = db.sql(HORIZON).map(row -> row.get(0, Long.class)).one();
        Mono<Long> watermark = db.sql("select watermark from rollup_watermarks where rollup = 'funnel' for update")
                .map(row -> row.get(0, Long.class)).one();
        return horizon.zipWhen(h -> watermark).flatMap(bounds -> {
            long to = bounds.getT1();
            long from = bounds.getT2();
            if (to <= from) {
                return Mono.just(RollupRun.idle(from));
            }
            // One connection carries the whole transaction: read the list before issuing more statements.
            return touched(from, to).collectList().flatMap(days -> Flux.fromIterable(days)
                    .concatMap(day -> rebuild(day, to))
                    .reduce(0L, Long::sum)
                    .flatMap(rows -> db.sql("update rollup_watermarks set watermark = :to, rolled_at = now() "
                                    + "where rollup = 'funnel'").bind("to", to).fetch().rowsUpdated()
                            .thenReturn(new RollupRun(true, from, to,
                                    days.stream().map(DayToRebuild::tenantDay).toList(), rows))));
        });
    }

    private Flux<DayToRebuild> touched(long from, long to) {
        return db.sql(TOUCHED).bind("from", from).bind("to", to)
                .map(row -> new DayToRebuild(row.get("tenant_id", Long.class),
                        ZoneId.of(row.get("time_zone", String.class)),
                        row.get("bucket_minutes", Short.class), row.get("day", LocalDate.class)))
                .all();
    }

    /** Replaces one tenant-day's rollup rows; completes with the number of rows written. */
    private Mono<Long> rebuild(DayToRebuild day, long horizon) {
        Instant start = day.day().atStartOfDay(day.zone()).toInstant();
        Instant end = day.day().plusDays(1).atStartOfDay(day.zone()).toInstant();
        Map<List<Object>, Bucket> daily = new LinkedHashMap<>();
        Map<List<Object>, Bucket> byCampaign = new LinkedHashMap<>();
        List<Bucket> hourly = new ArrayList<>();
        Mono<Void> read = db.sql(DAY_EVENTS)
                .bind("minutes", (int) day.bucketMinutes())
                .bind("tenant", day.tenantId())
                .bind("start", start)
                .bind("end", end)
                .bind("horizon", horizon)
                .map(Bucket::of)
                .all()
                .doOnNext(bucket -> {
                    hourly.add(bucket);
                    daily.computeIfAbsent(bucket.dimensions(), k -> bucket.emptyCopy()).tally().add(bucket.tally());
                    byCampaign.computeIfAbsent(List.of(bucket.network(), bucket.campaign()), k -> bucket.emptyCopy())
                            .tally().add(bucket.tally());
                })
                .then();
        Mono<Long> delete = db.sql("delete from funnel_hourly where tenant_id = :tenant and bucket >= :start and bucket < :end")
                .bind("tenant", day.tenantId()).bind("start", start).bind("end", end)
                .fetch().rowsUpdated()
                .then(db.sql("delete from funnel_daily where tenant_id = :tenant and day = :day")
                        .bind("tenant", day.tenantId()).bind("day", day.day()).fetch().rowsUpdated())
                .then(db.sql("delete from funnel_campaign_daily where tenant_id = :tenant and day = :day")
                        .bind("tenant", day.tenantId()).bind("day", day.day()).fetch().rowsUpdated());
        return read.then(delete)
                .then(Mono.defer(() -> insert(INSERT_HOURLY, day, hourly, Grain.HOURLY)))
                .flatMap(hourlyRows -> insert(INSERT_DAILY, day, new ArrayList<>(daily.values()), Grain.DAILY)
                        .map(dailyRows -> hourlyRows + dailyRows))
                .flatMap(rows -> insert(INSERT_CAMPAIGN_DAILY, day, new ArrayList<>(byCampaign.values()), Grain.CAMPAIGN_DAILY)
                        .map(campaignRows -> rows + campaignRows));
    }

    /** The rollup tables: which columns beyond the metrics their rows have. */
    private enum Grain { HOURLY, DAILY, CAMPAIGN_DAILY }

    private Mono<Long> insert(String sql, DayToRebuild day, List<Bucket> rows, Grain grain) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        int n = rows.size();
        Long[] buckets = new Long[n];
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
        for (int i = 0; i < n; i++) {
            Bucket row = rows.get(i);
            FunnelTally tally = row.tally();
            buckets[i] = row.bucket().getEpochSecond();
            sites[i] = row.siteId();
            ctas[i] = row.ctaId();
            networks[i] = row.network();
            campaigns[i] = row.campaign();
            views[i] = tally.views;
            engagements[i] = tally.engagements;
            conversions[i] = tally.conversions;
            completions[i] = tally.completions;
            revenue[i] = tally.revenue.toPlainString();
            visitors[i] = base64.encodeToString(tally.visitors.serialize());
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql(sql).bind("tenant", day.tenantId())
                .bind("networks", networks).bind("campaigns", campaigns)
                .bind("views", views).bind("engagements", engagements).bind("conversions", conversions)
                .bind("completions", completions).bind("revenue", revenue).bind("visitors", visitors);
        if (grain != Grain.CAMPAIGN_DAILY) {
            insert = insert.bind("sites", sites).bind("ctas", ctas);
        }
        insert = grain == Grain.HOURLY ? insert.bind("buckets", buckets) : insert.bind("day", day.day());
        return insert.fetch().rowsUpdated();
    }

    private record DayToRebuild(long tenantId, ZoneId zone, short bucketMinutes, LocalDate day) {
        TenantDay tenantDay() {
            return new TenantDay(tenantId, day);
        }
    }

    /** The tally of one bucket (or, summed, of one day) and one combination of dimensions. */
    private record Bucket(Instant bucket, long siteId, long ctaId, String network, String campaign, FunnelTally tally) {

        static Bucket of(Readable row) {
            Bucket bucket = new Bucket(row.get("bucket", OffsetDateTime.class).toInstant(),
                    row.get("site_id", Long.class), row.get("cta_id", Long.class),
                    row.get("ad_network", String.class), row.get("ad_campaign_id", String.class), new FunnelTally(true));
            bucket.tally.add(row.get("views", Long.class), row.get("engagements", Long.class),
                    row.get("conversions", Long.class), row.get("completions", Long.class),
                    row.get("revenue", BigDecimal.class));
            for (Long visitor : row.get("visitor_ids", Long[].class)) {
                bucket.tally.visitors.add(visitor);
            }
            return bucket;
        }

        List<Object> dimensions() {
            return List.of(siteId, ctaId, network, campaign);
        }

        Bucket emptyCopy() {
            return new Bucket(bucket, siteId, ctaId, network, campaign, new FunnelTally(true));
        }
    }
}
