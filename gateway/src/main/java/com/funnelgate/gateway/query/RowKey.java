package com.funnelgate.gateway.query;

import com.funnelgate.adconnectors.AdNetwork;
import java.time.Instant;
import java.util.Comparator;

/**
 * Identifies a report row: its period and the values of the dimensions it is grouped by. A
 * dimension the report is not grouped by is null, as are network and campaign for unattributed
 * traffic. Rows sort by period, then network, campaign, site and CTA, nulls last.
 *
 * @param period the first instant of the period; null for {@link Granularity#TOTAL}
 */
public record RowKey(Instant period, AdNetwork network, String campaignId, Long siteId, Long ctaId)
        implements Comparable<RowKey> {

    private static final Comparator<RowKey> ORDER = Comparator
            .comparing(RowKey::period, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RowKey::network, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RowKey::campaignId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RowKey::siteId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RowKey::ctaId, Comparator.nullsLast(Comparator.naturalOrder()));

    /** The key of a row with no dimensions. */
    public static RowKey ofPeriod(Instant period) {
        return new RowKey(period, null, null, null, null);
    }

    @Override
    public int compareTo(RowKey other) {
        return ORDER.compare(this, other);
    }
}
