package com.funnelgate.gateway.report;

import com.funnelgate.gateway.funnel.FunnelMetrics;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The metrics of a report row or of a whole report, as the API returns them. A metric is null when
 * a source it needs failed or was not asked, and a derived metric also when its denominator is
 * zero: never a made-up zero.
 */
public record Metrics(BigDecimal spend, Long impressions, Long clicks, Long visitors, Long views, Long engagements,
        Long conversions, Long completions, BigDecimal revenue, Double ctr, BigDecimal cpc, BigDecimal cpm,
        Double conversionRate, Double completionRate, BigDecimal cpa, BigDecimal costPerVisitor, Double roas) {

    /**
     * The metrics of a row from what each source gave, with every derived metric.
     *
     * @param funnel the funnel metrics, or null when the funnel was not asked or failed
     * @param ad the ad metrics, or null when no ad source covers the row or one it needs failed
     * @param moneyDigits fraction digits of the report's currency
     */
    public static Metrics of(FunnelMetrics funnel, AdMetrics ad, int moneyDigits) {
        BigDecimal spend = ad == null ? null : ad.spend();
        Long impressions = ad == null ? null : ad.impressions();
        Long clicks = ad == null ? null : ad.clicks();
        Long visitors = funnel == null ? null : funnel.visitors();
        Long conversions = funnel == null ? null : funnel.conversions();
        BigDecimal revenue = funnel == null ? null : funnel.revenue();
        int rateDigits = moneyDigits + 2;
        return new Metrics(
                rounded(spend, moneyDigits), impressions, clicks, visitors,
                funnel == null ? null : funnel.views(), funnel == null ? null : funnel.engagements(),
                conversions, funnel == null ? null : funnel.completions(), money(revenue, moneyDigits),
                clicks == null || impressions == null ? null : ratio(clicks, impressions),
                per(spend, clicks, 1, rateDigits),
                per(spend, impressions, 1000, rateDigits),
                funnel == null ? null : ratio(funnel.conversions(), funnel.views()),
                funnel == null ? null : ratio(funnel.completions(), funnel.engagements()),
                per(spend, conversions, 1, rateDigits),
                per(spend, visitors, 1, rateDigits),
                revenue == null || spend == null || spend.signum() == 0 ? null
                        : revenue.divide(spend, MathContext.DECIMAL64).doubleValue());
    }

    /** {@code amount * scale / count}, or null when either is unknown or the count is zero. */
    static BigDecimal per(BigDecimal amount, Long count, int scale, int digits) {
        if (amount == null || count == null || count == 0) {
            return null;
        }
        return amount.multiply(BigDecimal.valueOf(scale)).divide(BigDecimal.valueOf(count), digits, RoundingMode.HALF_EVEN);
    }

    static BigDecimal rounded(BigDecimal amount, int digits) {
        return amount == null ? null : amount.setScale(digits, RoundingMode.HALF_EVEN);
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
