package com.funnelgate.gateway.report;

import com.funnelgate.gateway.funnel.FunnelMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The metrics of a report row or of a whole report, as the API returns them. A metric is null when
 * a source it needs failed or was not asked, and a derived metric also when its denominator is
 * zero: never a made-up zero.
 */
public record Metrics(BigDecimal spend, Long impressions, Long clicks, Long visitors, Long views, Long engagements,
        Long conversions, Long completions, BigDecimal revenue, Double ctr, BigDecimal cpc, BigDecimal cpm,
        Double conversionRate, Double completionRate, BigDecimal cpa, BigDecimal costPerVisitor, Double roas) {

    /** Metrics with nothing known. */
    public static final Metrics UNKNOWN = new Metrics(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    /**
     * The metrics of a row from what each source gave.
     *
     * @param funnel the funnel metrics, or null when the funnel was not asked or failed
     * @param moneyDigits fraction digits of the report's currency
     */
    public static Metrics of(FunnelMetrics funnel, int moneyDigits) {
        if (funnel == null) {
            return UNKNOWN;
        }
        return new Metrics(null, null, null, funnel.visitors(), funnel.views(), funnel.engagements(),
                funnel.conversions(), funnel.completions(), money(funnel.revenue(), moneyDigits),
                null, null, null,
                ratio(funnel.conversions(), funnel.views()), ratio(funnel.completions(), funnel.engagements()),
                null, null, null);
    }

    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    /** An amount with at least the currency's fraction digits ("1234.50"), more only if it has them. */
    static BigDecimal money(BigDecimal amount, int digits) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= digits ? amount.setScale(digits, RoundingMode.UNNECESSARY) : stripped;
    }
}
