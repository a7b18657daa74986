package com.funnelgate.gateway.report;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.fx.FxTable;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.Periods;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.query.RowKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ad spend of a report, keyed like its rows: each account's daily campaign rows converted to
 * the tenant's currency and summed per (period, network, campaign), as far as the report groups by
 * them. It knows which rows it can vouch for: a row's ad metrics are known only when every account
 * of the networks the row covers answered; a metric is null where a network left a value out or
 * an amount could not be converted — never a partial sum presented as whole.
 */
final class AdSpendTable {

    private final ReportQuery query;
    private final Map<RowKey, AdMetrics> rows = new HashMap<>();
    private final Set<AdNetwork> asked = EnumSet.noneOf(AdNetwork.class);
    private final Set<AdNetwork> failed = EnumSet.noneOf(AdNetwork.class);
    private final Map<List<String>, String> campaignNames = new HashMap<>();
    private final Set<String> missingRates = new TreeSet<>();

    private AdSpendTable(ReportQuery query) {
        this.query = query;
    }

    /** The table of the accounts' answers; {@code fx} may be null when no rates could be had. */
    static AdSpendTable of(ReportQuery query, List<AccountSpend> accounts, FxTable fx) {
        AdSpendTable table = new AdSpendTable(query);
        for (AccountSpend account : accounts) {
            AdNetwork network = account.account().network();
            table.asked.add(network);
            if (!account.answered()) {
                table.failed.add(network);
                continue;
            }
            for (AdSpendRow row : account.rows()) {
                table.add(row, fx);
            }
        }
        return table;
    }

    /** A table of no accounts: every ad metric unknown. */
    static AdSpendTable none(ReportQuery query) {
        return new AdSpendTable(query);
    }

    private void add(AdSpendRow row, FxTable fx) {
        if (row.day().isBefore(query.from()) || row.day().isAfter(query.to())
                || (!query.filter().campaignIds().isEmpty() && !query.filter().campaignIds().contains(row.campaignId()))) {
            return;
        }
        RowKey key = new RowKey(period(row.day()), query.byNetwork() ? row.network() : null,
                query.byCampaign() ? row.campaignId() : null, null, null);
        campaignNames.put(List.of(row.network().name(), row.campaignId()), row.campaignName());
        BigDecimal spend = null;
        if (row.spend() != null) {
            spend = fx == null ? null : fx.convert(row.spend(), row.currency(), row.day()).orElse(null);
            if (spend == null) {
                missingRates.add(row.currency() + " on " + row.day());
            }
        }
        rows.merge(key, new AdMetrics(spend, row.impressions(), row.clicks()), AdMetrics::plus);
    }

    private Instant period(LocalDate day) {
        return query.granularity() == Granularity.TOTAL ? null : Periods.startOf(day, query.granularity(), query.zone());
    }

    /** The keys of rows with spend data. */
    Set<RowKey> keys() {
        return rows.keySet();
    }

    /** The row's ad metrics, or null when the sources it needs did not all answer. */
    AdMetrics forRow(RowKey key) {
        boolean covered = query.byNetwork()
                ? key.network() != null && asked.contains(key.network()) && !failed.contains(key.network())
                : !asked.isEmpty() && failed.isEmpty();
        return covered ? rows.getOrDefault(key, AdMetrics.NONE) : null;
    }

    /** The whole report's ad metrics, or null unless every account answered. */
    AdMetrics totals() {
        if (asked.isEmpty() || !failed.isEmpty()) {
            return null;
        }
        return rows.values().stream().reduce(AdMetrics.NONE, AdMetrics::plus);
    }

    /** The name the network gave a campaign, if its rows named it. */
    String campaignName(AdNetwork network, String campaignId) {
        return network == null || campaignId == null ? null : campaignNames.get(List.of(network.name(), campaignId));
    }

    /** The currency-days without an exchange rate, e.g. {@code "EUR on 2026-11-03"}. */
    Set<String> missingRates() {
        return missingRates;
    }

}
