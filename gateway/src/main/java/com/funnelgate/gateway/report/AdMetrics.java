package com.funnelgate.gateway.report;

import java.math.BigDecimal;

/**
 * The ad-network metrics of a report row or of a whole report. A metric is null when some of the
 * data it sums was not reported by the network (or, for spend, could not be converted): a partial
 * sum is never presented as the whole.
 *
 * @param spend in the report's currency, converted with the day's exchange rate
 */
public record AdMetrics(BigDecimal spend, Long impressions, Long clicks) {

    /** No spend: the sources answered and reported nothing for the row. */
    public static final AdMetrics NONE = new AdMetrics(BigDecimal.ZERO, 0L, 0L);

    /** The sum of both; unknown where either is unknown. */
    AdMetrics plus(AdMetrics other) {
        return new AdMetrics(spend == null || other.spend == null ? null : spend.add(other.spend),
                impressions == null || other.impressions == null ? null : impressions + other.impressions,
                clicks == null || other.clicks == null ? null : clicks + other.clicks);
    }
}
