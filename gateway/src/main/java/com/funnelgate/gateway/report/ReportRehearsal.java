package com.funnelgate.gateway.report;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.adspend.TenantAdAccount;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.funnel.FunnelMetrics;
import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.fx.FxTable;
import com.funnelgate.gateway.query.Dimension;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.Periods;
import com.funnelgate.gateway.query.ReportFilter;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.query.RowKey;
import com.funnelgate.gateway.source.Outcome;
import com.funnelgate.gateway.source.SourceState;
import com.funnelgate.gateway.source.Sourced;
import com.funnelgate.gateway.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A blended report composed from made-up outcomes, without any I/O, for the start-up warm-up: what runs
 * after the sources' cut-off (composing statuses, converting spend, assembling rows, computing metrics)
 * has then run often enough to be compiled before a request needs it to be quick. Its outcomes cover a
 * fresh funnel, a stale account whose spend is in another currency, and a failed account.
 */
final class ReportRehearsal {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Tenant TENANT = new Tenant(0, "rehearsal", ZONE, "EUR");
    private static final LocalDate TO = LocalDate.of(2026, 1, 31);
    private static final LocalDate FROM = TO.minusDays(29);
    private static final int CAMPAIGNS = 10;

    private final ReportQuery query = new ReportQuery(TENANT, FROM, TO, Granularity.DAY, Set.of(Dimension.CAMPAIGN),
            ReportFilter.NONE);
    private final ReportRequest request = new ReportRequest(new DateRange(FROM, TO), Granularity.DAY,
            List.of(Dimension.CAMPAIGN), null, null);
    private final ReportSelection everything = new ReportSelection(true, true, true, true, true, true, true);
    private final FunnelResult funnel;
    private final List<AccountSpend> accounts;
    private final FxTable fx = new FxTable(Map.of("EUR", new TreeMap<>(Map.of(FROM, BigDecimal.valueOf(1.1)))), "EUR", 4);
    private final Outcome stale;
    private final Outcome failed = Outcome.failed(ErrorCode.SOURCE_TIMEOUT, Outcome.TIMED_OUT, Duration.ZERO);

    ReportRehearsal() {
        SortedMap<RowKey, FunnelMetrics> rows = new TreeMap<>();
        List<AdSpendRow> spend = new ArrayList<>();
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            for (int campaign = 0; campaign < CAMPAIGNS; campaign++) {
                rows.put(new RowKey(Periods.startOf(day, Granularity.DAY, ZONE), AdNetwork.META, "c" + campaign, null,
                        null), new FunnelMetrics(7L, 100, 40, 10, 5, BigDecimal.valueOf(123.45)));
                spend.add(new AdSpendRow(AdNetwork.META, "act_0", "c" + campaign, "Campaign " + campaign, day, "USD",
                        BigDecimal.valueOf(12.34), 1000L, 20L, null));
            }
        }
        funnel = new FunnelResult(rows, new FunnelMetrics(70L, 1000, 400, 100, 50, BigDecimal.TEN));
        accounts = List.of(new AccountSpend(new TenantAdAccount(0, 1, AdNetwork.META, "act_0", "meta", "USD", ZONE), spend),
                new AccountSpend(new TenantAdAccount(0, 2, AdNetwork.GOOGLE_ADS, "0", "google", "EUR", ZONE), null));
        Instant asOf = Instant.parse("2026-02-01T00:00:00Z");
        stale = new Outcome(SourceState.STALE, ErrorCode.SOURCE_TIMEOUT, Outcome.TIMED_OUT, asOf, asOf, Duration.ZERO);
    }

    /** Composes the report {@code times} times; the last one's rows, for whoever wants to look. */
    List<ReportRow> run(ReportService reports, int times) {
        ReportOutcome outcome = null;
        for (int i = 0; i < times; i++) {
            AdSources.AdSpend ads = new AdSources.AdSpend(AdSpendTable.of(query, accounts, fx), List.of(
                    status(accounts.get(0), stale), status(accounts.get(1), failed)), List.of());
            outcome = reports.compose(query, request, everything, Sourced.fresh(funnel, Instant.EPOCH, Duration.ZERO),
                    ads);
        }
        return outcome == null ? List.of() : outcome.report().rows();
    }

    private static SourceReport status(AccountSpend account, Outcome outcome) {
        return SourceReport.of(account.account().sourceName(), SourceStatus.Kind.AD_NETWORK, outcome, ZONE, "UTC",
                List.of(), "Spend, impressions and clicks");
    }
}
