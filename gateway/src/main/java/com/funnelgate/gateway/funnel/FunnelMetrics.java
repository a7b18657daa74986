package com.funnelgate.gateway.funnel;

import java.math.BigDecimal;

/**
 * The funnel metrics of one report row or of a whole report.
 *
 * @param visitors distinct visitors, exact; null when the query did not ask for them
 * @param revenue in the tenant's currency
 */
public record FunnelMetrics(Long visitors, long views, long engagements, long conversions, long completions,
        BigDecimal revenue) {

    public FunnelMetrics {
        // Equal amounts are equal metrics, whatever scale the database or a sum gave them.
        revenue = revenue == null ? BigDecimal.ZERO : revenue.stripTrailingZeros();
    }

    /** A period or group in which nothing happened. */
    public static FunnelMetrics zero(boolean withVisitors) {
        return new FunnelMetrics(withVisitors ? 0L : null, 0, 0, 0, 0, BigDecimal.ZERO);
    }
}
