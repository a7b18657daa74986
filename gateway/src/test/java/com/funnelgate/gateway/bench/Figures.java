package com.funnelgate.gateway.bench;

import static com.funnelgate.gateway.bench.Bench.line;

import com.funnelgate.gateway.funnel.RollupRun;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the benchmark measured, and the table it prints. */
final class Figures {

    long events;
    long largestEvents;
    long loadNanos;
    long vacuumNanos;
    String postgres;
    String eventsSize;
    String range;
    RollupRun rollup;
    long rollupNanos;
    long rollupRows;
    int rows;
    int responseBytes;
    /** By concurrency, in the order measured. */
    final Map<Integer, Latencies> raw = new LinkedHashMap<>();
    final Map<Integer, Latencies> rollups = new LinkedHashMap<>();

    String table(int tenants) {
        StringBuilder out = new StringBuilder("\n");
        line(out, "Funnelgate report benchmark, %s", LocalDate.now());
        line(out, "  machine    %s", Machine.describe());
        line(out, "  database   embedded PostgreSQL %s; funnel_events %s with indexes", postgres, eventsSize);
        line(out, "  data       %,d events, %d tenants; largest %,d (%.1f%%); loaded with COPY in %.1f s "
                + "(%,.0f events/s), vacuum analyze %.1f s", events, tenants, largestEvents,
                100.0 * largestEvents / events, loadNanos / 1e9, events / (loadNanos / 1e9), vacuumNanos / 1e9);
        line(out, "  rollup     one run over everything: %,d tenant-days, %,d rollup rows in %.1f s",
                rollup.changed().size(), rollup.rowsWritten(), rollupNanos / 1e9);
        line(out, "  query      largest tenant, %s, DAY, groupBy CAMPAIGN, every funnel metric incl. exact visitors",
                range);
        line(out, "             answer: %d rows, %,d bytes of JSON; through rollups it reads %,d rows of "
                + "funnel_campaign_daily", rows, responseBytes, rollupRows);
        line(out, "");
        line(out, "%s", Latencies.header("path"));
        raw.forEach((concurrency, rawRun) -> {
            Latencies rollupRun = rollups.get(concurrency);
            phase(out, "raw events", rawRun);
            phase(out, "rollups", rollupRun);
            line(out, "  %-12s %11d %8s %7.1fx %7.1fx %7.1fx %7.1fx %8s %8.1fx", "raw/rollups", concurrency, "",
                    rawRun.meanMillis() / rollupRun.meanMillis(),
                    rawRun.percentileMillis(0.50) / rollupRun.percentileMillis(0.50),
                    rawRun.percentileMillis(0.95) / rollupRun.percentileMillis(0.95),
                    rawRun.percentileMillis(0.99) / rollupRun.percentileMillis(0.99), "",
                    rollupRun.throughput() / rawRun.throughput());
        });
        return out.toString();
    }

    private static void phase(StringBuilder out, String name, Latencies latencies) {
        line(out, "%s", latencies.row(name));
    }
}
