package com.funnelgate.gateway.report;

import java.math.BigDecimal;

/**
 * The ad-network metrics of a report row or of a whole report.
 *
 * @param spend in the report's currency, converted with the day's exchange rate
 */
public record AdMetrics(BigDecimal spend, long impressions, long clicks) {

    /** No spend: the sources answered and reported nothing for the row. */
    public static final AdMetrics NONE = new AdMetrics(BigDecimal.ZERO, 0, 0);

    AdMetrics plus(BigDecimal moreSpend, long moreImpressions, long moreClicks) {
        return new AdMetrics(spend.add(moreSpend), impressions + moreImpressions, clicks + moreClicks);
    }
}
