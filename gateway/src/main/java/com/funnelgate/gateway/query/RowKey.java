package com.funnelgate.gateway.query;

import com.funnelgate.adconnectors.AdNetwork;
import java.time.Instant;

/**
 * Identifies a report row: its period and the values of the dimensions it is grouped by. A
 * dimension the report is not grouped by is null, as are network and campaign for unattributed
 * traffic. Rows sort by period, then network, campaign, site and CTA, nulls last.
 *
 * @param period the first instant of the period; null for {@link Granularity#TOTAL}
 */
public record RowKey(Instant period, AdNetwork network, String campaignId, Long siteId, Long ctaId)
        implements Comparable<RowKey> {

    /** The key of a row with no dimensions. */
    public static RowKey ofPeriod(Instant period) {
        return new RowKey(period, null, null, null, null);
    }

    /**
     * Period, then network, campaign, site and CTA, each in natural order with nulls last. Written
     * out rather than as a chain of {@code Comparator}s: a report sorts and looks up its rows by key
     * thousands of times, and the chain's extractor and null-handling layers were most of that cost.
     */
    @Override
    public int compareTo(RowKey other) {
        int order = nullsLast(period, other.period);
        if (order == 0) {
            order = nullsLast(network, other.network);
        }
        if (order == 0) {
            order = nullsLast(campaignId, other.campaignId);
        }
        if (order == 0) {
            order = nullsLast(siteId, other.siteId);
        }
        if (order == 0) {
            order = nullsLast(ctaId, other.ctaId);
        }
        return order;
    }

    private static <T extends Comparable<? super T>> int nullsLast(T a, T b) {
        if (a == null) {
            return b == null ? 0 : 1;
        }
        return b == null ? -1 : a.compareTo(b);
    }
}
