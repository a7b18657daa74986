package com.funnelgate.gateway.funnel;

import com.funnelgate.gateway.query.RowKey;
import java.util.Collections;
import java.util.SortedMap;

/**
 * What the funnel store answered for one report: the metrics of every row that has data, and of
 * the whole report (whose visitors are the distinct visitors over all rows).
 */
public record FunnelResult(SortedMap<RowKey, FunnelMetrics> rows, FunnelMetrics totals) {

    public FunnelResult {
        rows = Collections.unmodifiableSortedMap(rows);
    }
}
