package com.funnelgate.gateway.funnel;

import com.funnelgate.gateway.query.RowKey;
import java.util.List;
import java.util.TreeMap;

/** A {@link FunnelResult} in the shape it is cached in (a list of rows instead of a sorted map). */
public record FunnelSnapshot(List<Row> rows, FunnelMetrics totals) {

    /** One row of the result. */
    public record Row(RowKey key, FunnelMetrics metrics) {
    }

    static FunnelSnapshot of(FunnelResult result) {
        return new FunnelSnapshot(result.rows().entrySet().stream()
                .map(entry -> new Row(entry.getKey(), entry.getValue())).toList(), result.totals());
    }

    FunnelResult toResult() {
        TreeMap<RowKey, FunnelMetrics> sorted = new TreeMap<>();
        rows.forEach(row -> sorted.put(row.key(), row.metrics()));
        return new FunnelResult(sorted, totals);
    }
}
