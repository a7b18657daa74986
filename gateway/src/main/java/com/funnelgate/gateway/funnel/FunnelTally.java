package com.funnelgate.gateway.funnel;

import java.math.BigDecimal;

/** Adds up the funnel counts, revenue and visitor sets of the parts of one row. Not thread-safe. */
final class FunnelTally {

    long views;
    long engagements;
    long conversions;
    long completions;
    BigDecimal revenue = BigDecimal.ZERO;
    final VisitorUnion visitors;

    FunnelTally(boolean withVisitors) {
        this.visitors = withVisitors ? new VisitorUnion() : null;
    }

    void add(long views, long engagements, long conversions, long completions, BigDecimal revenue) {
        this.views += views;
        this.engagements += engagements;
        this.conversions += conversions;
        this.completions += completions;
        if (revenue != null) {
            this.revenue = this.revenue.add(revenue);
        }
    }

    void add(FunnelTally other) {
        add(other.views, other.engagements, other.conversions, other.completions, other.revenue);
        if (visitors != null && other.visitors != null) {
            visitors.addAll(other.visitors);
        }
    }

    FunnelMetrics metrics() {
        return new FunnelMetrics(visitors == null ? null : visitors.cardinality(),
                views, engagements, conversions, completions, revenue);
    }
}
