package com.funnelgate.gateway.funnel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
 * Consecutive days of a tenant are rebuilt together, a week at most, so catching up on millions of
 * events takes thousands of statements rather than hundreds of thousands.
 */
@Component
public class FunnelRollup {

    /** Advisory lock id of the funnel rollup ("fgrollup" in ASCII, shortened). */
    private static final long LOCK = 0x6667726f6c6cL;
    private static final int MAX_DAYS_PER_BATCH = 7;

    private static final String HORIZON = "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    // Every zone's offset is a multiple of 15 minutes, so a 15-minute UTC bucket lies within one local
    // day: group the events into those first and convert buckets, not events, to local days.
    private static final String TOUCHED = """
            select b.tenant_id, t.time_zone, t.bucket_minutes, (b.bucket at time zone t.time_zone)::date as day
            from (select tenant_id, date_bin('15 minutes', occurred_at, timestamptz '2000-01-01 00:00:00+00') as bucket
                  from funnel_events
                  where ingest_xid >= :from and ingest_xid < :to
                  group by 1, 2) b
            join tenants t on t.tenant_id = b.tenant_id
            group by 1, 2, 3, 4
            order by 1, 4""";

    private final DatabaseClient db;
    private final RollupRebuild rebuild;
    private final TransactionalOperator transaction;
    private final FunnelCache cache;

    public FunnelRollup(DatabaseClient db, ReactiveTransactionManager transactions, FunnelCache cache) {
        this.db = db;
        this.rebuild = new RollupRebuild(db);
        this.transaction = TransactionalOperator.create(transactions);
        this.cache = cache;
    }

    /**
     * Runs the job once; completes with what it did (a follower does nothing). Once the run has
     * committed, the cached results over the tenant-days it changed are dropped, here, in Redis and
     * on the other replicas, before it completes: a report asked after it sees the new data.
     */
    public Mono<RollupRun> runOnce() {
        Mono<RollupRun> run = db.sql("select pg_try_advisory_xact_lock(:lock)").bind("lock", LOCK)
                .map(row -> row.get(0, Boolean.class)).one()
                .flatMap(leader -> leader ? roll() : Mono.just(RollupRun.follower()));
        return transaction.transactional(run).flatMap(done -> done.changed().isEmpty() ? Mono.just(done)
                : cache.onChanged(new FunnelDataChanged(done.changed())).thenReturn(done));
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
            return touched(from, to).collectList().flatMap(days -> {
                List<DaysToRebuild> batches = DaysToRebuild.batches(days, MAX_DAYS_PER_BATCH);
                return Flux.fromIterable(batches)
                        .concatMap(batch -> rebuild.rebuild(batch, to))
                        .reduce(0L, Long::sum)
                        .flatMap(rows -> db.sql("update rollup_watermarks set watermark = :to, rolled_at = now() "
                                        + "where rollup = 'funnel'").bind("to", to).fetch().rowsUpdated()
                                .thenReturn(new RollupRun(true, from, to, batches.stream()
                                        .flatMap(batch -> batch.tenantDays().stream()).toList(), rows)));
            });
        });
    }

    private Flux<DaysToRebuild> touched(long from, long to) {
        return db.sql(TOUCHED).bind("from", from).bind("to", to)
                .map(row -> DaysToRebuild.of(row.get("tenant_id", Long.class),
                        ZoneId.of(row.get("time_zone", String.class)),
                        row.get("bucket_minutes", Short.class), row.get("day", LocalDate.class)))
                .all();
    }
}
