package com.funnelgate.gateway.funnel;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.Periods;
import com.funnelgate.gateway.query.ReportFilter;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.query.RowKey;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Funnel metrics of one tenant from PostgreSQL. Reads the rollups for every event below the rollup
 * watermark and the raw events at or above it in one statement, which PostgreSQL runs on one
 * snapshot: the statement reads the watermark itself, so rollup rows and watermark belong together
 * (a rollup moves both in one transaction), and the answer is exact and includes an event written a
 * moment ago. The watermark read just before only tells the planner how small the tail is (the
 * watermark never moves back, so the statement's own is at least as high). Every statement filters
 * on the tenant first.
 */
@Component
public class FunnelStore {

    private static final String WATERMARK = "select watermark from rollup_watermarks where rollup = 'funnel'";

    private final DatabaseClient db;

    public FunnelStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The report's funnel metrics through rollups plus the raw tail.
     *
     * @param visitors whether to count distinct visitors (costs the visitor sets' transfer)
     */
    public Mono<FunnelResult> fetch(ReportQuery query, boolean visitors) {
        return db.sql(WATERMARK).map(row -> row.get(0, Long.class)).one()
                .flatMap(watermark -> fetch(query, visitors, watermark));
    }

    /** The same, given a watermark read earlier: however old, it changes the plan, never the answer. */
    Mono<FunnelResult> fetch(ReportQuery query, boolean visitors, long watermarkReadBefore) {
        return tally(query, visitors, FunnelSql.withRollups(query, visitors), watermarkReadBefore);
    }

    /** The same report from raw events alone, ignoring the rollups: slow, for comparison. */
    public Mono<FunnelResult> fetchRaw(ReportQuery query, boolean visitors) {
        return tally(query, visitors, FunnelSql.rawOnly(query, visitors), 0L);
    }

    private Mono<FunnelResult> tally(ReportQuery query, boolean visitors, String sql, long watermark) {
        Map<RowKey, FunnelTally> tallies = new HashMap<>();
        return parts(query, sql, watermark)
                .doOnNext(part -> part.addTo(tallies.computeIfAbsent(part.key(), k -> new FunnelTally(visitors))))
                .then(Mono.fromSupplier(() -> result(tallies, visitors)));
    }

    private Flux<Part> parts(ReportQuery query, String sql, long watermark) {
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("tenant", query.tenant().id());
        binds.put("tz", query.zone().getId());
        binds.put("from", query.from());
        binds.put("to", query.to());
        binds.put("start", query.start());
        binds.put("end", query.end());
        binds.put("watermark", watermark);
        ReportFilter filter = query.filter();
        if (!filter.networks().isEmpty()) {
            binds.put("networks", filter.networks().stream().map(AdNetwork::name).toArray(String[]::new));
        }
        if (!filter.campaignIds().isEmpty()) {
            binds.put("campaigns", filter.campaignIds().toArray(String[]::new));
        }
        if (!filter.siteIds().isEmpty()) {
            binds.put("sites", filter.siteIds().toArray(Long[]::new));
        }
        if (!filter.ctaIds().isEmpty()) {
            binds.put("ctas", filter.ctaIds().toArray(Long[]::new));
        }
        DatabaseClient.GenericExecuteSpec statement = db.sql(sql);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            if (sql.contains(":" + bind.getKey())) {
                statement = statement.bind(bind.getKey(), bind.getValue());
            }
        }
        return statement.map(row -> Part.of(row, query)).all();
    }

    private static FunnelResult result(Map<RowKey, FunnelTally> tallies, boolean visitors) {
        SortedMap<RowKey, FunnelMetrics> rows = new TreeMap<>();
        FunnelTally totals = new FunnelTally(visitors);
        tallies.forEach((key, tally) -> {
            rows.put(key, tally.metrics());
            totals.add(tally);
        });
        return new FunnelResult(rows, totals.metrics());
    }

    /** One row of the statement: a rollup or raw-event part of a report row. */
    private record Part(RowKey key, long views, long engagements, long conversions, long completions,
            BigDecimal revenue, ByteBuffer visitorSets, Long[] visitorIds) {

        static Part of(Readable row, ReportQuery query) {
            String network = row.get("network", String.class);
            RowKey key = new RowKey(period(row, query), network == null ? null : AdNetwork.valueOf(network),
                    row.get("campaign", String.class), row.get("site_id", Long.class), row.get("cta_id", Long.class));
            return new Part(key, row.get("views", Long.class), row.get("engagements", Long.class),
                    row.get("conversions", Long.class), row.get("completions", Long.class),
                    row.get("revenue", BigDecimal.class), row.get("visitor_sets", ByteBuffer.class),
                    row.get("visitor_ids", Long[].class));
        }

        private static Instant period(Readable row, ReportQuery query) {
            if (query.granularity() == Granularity.TOTAL) {
                return null;
            }
            if (query.granularity() == Granularity.HOUR) {
                return Periods.hourOf(row.get("period", OffsetDateTime.class).toInstant(), query.zone());
            }
            return row.get("period", LocalDate.class).atStartOfDay(query.zone()).toInstant();
        }

        void addTo(FunnelTally tally) {
            tally.add(views, engagements, conversions, completions, revenue);
            if (tally.visitors != null && visitorSets != null) {
                tally.visitors.addSerialized(visitorSets);
            }
            if (tally.visitors != null && visitorIds != null) {
                for (Long id : visitorIds) {
                    tally.visitors.add(id);
                }
            }
        }
    }
}
