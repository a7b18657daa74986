package com.funnelgate.gateway.report;

import com.funnelgate.gateway.errors.ApiException;
import com.funnelgate.gateway.funnel.FunnelMetrics;
import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.query.Periods;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.query.RowKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins what the sources answered into report rows keyed by (period, network, campaign, site, CTA)
 * and computes every metric of each row and of the totals. Rows are the union of the sources'
 * rows; without grouping, every period of the range has one. A metric whose source was not asked or
 * failed is null; a source that answered and has nothing for a row counts zero.
 */
final class ReportAssembler {

    private final ReportProperties limits;

    ReportAssembler(ReportProperties limits) {
        this.limits = limits;
    }

    /** The rows (when asked for) and totals of a report. */
    record Assembled(List<ReportRow> rows, Metrics totals) {
    }

    /**
     * @param funnel what the funnel store answered, or null when it was not asked or failed
     * @param ads the ad spend, or null when no ad metric was asked for
     */
    Assembled assemble(ReportQuery query, FunnelResult funnel, AdSpendTable ads, boolean withRows) {
        int digits = moneyDigits(query.tenant().currency());
        Metrics totals = Metrics.of(funnel == null ? null : funnel.totals(), ads == null ? null : ads.totals(), digits);
        if (!withRows) {
            return new Assembled(List.of(), totals);
        }
        SortedSet<RowKey> keys;
        if (query.groupBy().isEmpty()) {
            keys = new TreeSet<>();
            Periods.all(query).forEach(period -> keys.add(RowKey.ofPeriod(period)));
        } else {
            // Copies of sorted maps and sets are built in linear time; adding the funnel's keys one by
            // one would search the tree for each of them.
            keys = funnel == null ? new TreeSet<>() : new TreeSet<>(new TreeMap<>(funnel.rows()).navigableKeySet());
            if (ads != null) {
                keys.addAll(ads.keys());
            }
        }
        if (keys.size() > limits.maxRows()) {
            throw ApiException.badInput("This report has " + keys.size() + " rows, more than the limit of "
                    + limits.maxRows() + ". Narrow the range, coarsen the granularity or group by less.");
        }
        FunnelMetrics none = funnel == null ? null : FunnelMetrics.zero(funnel.totals().visitors() != null);
        List<ReportRow> rows = new ArrayList<>(keys.size());
        for (RowKey key : keys) {
            FunnelMetrics funnelRow = funnel == null ? null : funnel.rows().getOrDefault(key, none);
            AdMetrics adRow = ads == null ? null : ads.forRow(key);
            rows.add(row(query, key, ads, Metrics.of(funnelRow, adRow, digits)));
        }
        return new Assembled(rows, totals);
    }

    private static ReportRow row(ReportQuery query, RowKey key, AdSpendTable ads, Metrics metrics) {
        Instant period = key.period();
        return new ReportRow(
                period == null ? null : LocalDate.ofInstant(period, query.zone()),
                period == null ? null : OffsetDateTime.ofInstant(period, query.zone()),
                key.network(), key.campaignId(),
                ads == null ? null : ads.campaignName(key.network(), key.campaignId()),
                key.siteId() == null ? null : key.siteId().toString(),
                key.ctaId() == null ? null : key.ctaId().toString(),
                metrics);
    }

    private static int moneyDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }
}
