package com.funnelgate.gateway.report;

import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.adspend.AccountDays;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.adspend.AdSpendSource;
import com.funnelgate.gateway.adspend.TenantAdAccount;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.fx.FxRates;
import com.funnelgate.gateway.fx.FxTable;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.source.Deadline;
import com.funnelgate.gateway.source.Outcome;
import com.funnelgate.gateway.source.Source;
import com.funnelgate.gateway.source.SourceState;
import com.funnelgate.gateway.source.Sourced;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tenant's ad accounts as sources of a report: every account the filter keeps is asked in
 * parallel (with the exchange rates its currency needs) under the request's deadline, and answers
 * with its rows and how it went. Ad networks report whole days per campaign, so HOUR reports and
 * reports by (or filtered to) site or call-to-action ask no account at all: they are SKIPPED.
 */
@Component
class AdSources {

    private static final Logger log = LoggerFactory.getLogger(AdSources.class);
    private static final String WHOLE_DAYS = "Ad networks report whole days per campaign: HOUR reports carry no ad metrics.";
    private static final String NOT_BY_SITE = "Ad spend cannot be split by site or call-to-action: reports grouped "
            + "or filtered by them carry no ad metrics.";
    private static final String NO_ACCOUNTS = "No ad account of this tenant matches the report: ad metrics are null.";
    private static final String WHAT = "Spend, impressions and clicks";
    /** The pseudo-source of the tenant's accounts as a whole, when no account can be named. */
    private static final String ADS = "ads";

    private final AdAccounts accounts;
    private final AdSpendSource networks;
    private final Source<AccountDays, List<AdSpendRow>> spend;
    private final FxRates rates;

    AdSources(AdAccounts accounts, AdSpendSource networks, Source<AccountDays, List<AdSpendRow>> spend, FxRates rates) {
        this.accounts = accounts;
        this.networks = networks;
        this.spend = spend;
        this.rates = rates;
    }

    /**
     * What the tenant's ad accounts give the report; never fails.
     *
     * @param asked the report as asked, which decides whether ad networks can answer it at all
     * @param query what to fetch (the asked report, or its totals only)
     */
    Mono<AdSpend> fetch(ReportQuery asked, ReportQuery query, Deadline deadline) {
        Optional<String> notApplicable = whyNotApplicable(asked);
        return Mono.defer(() -> accounts.of(query.tenant().id()).timeout(deadline.remaining()))
                .map(all -> all.stream().filter(account -> query.filter().networks().isEmpty()
                        || query.filter().networks().contains(account.network())).toList())
                .flatMap(matching -> fetch(query, matching, notApplicable, deadline))
                .onErrorResume(error -> {
                    log.warn("Could not read the ad accounts of tenant {}: {}", query.tenant().id(), error.toString());
                    SourceFailure failure = new SourceFailure(ADS, ErrorCode.SOURCE_UNAVAILABLE,
                            "ads: the tenant's ad accounts could not be read; ad metrics are missing from this report.");
                    SourceStatus status = new SourceStatus(ADS, SourceStatus.Kind.AD_NETWORK, SourceState.FAILED, null,
                            null, failure.code().name(), null, List.of());
                    return Mono.just(new AdSpend(AdSpendTable.none(query), List.of(SourceReport.failed(status, failure)),
                            List.of()));
                });
    }

    private Mono<AdSpend> fetch(ReportQuery query, List<TenantAdAccount> matching, Optional<String> notApplicable,
            Deadline deadline) {
        if (matching.isEmpty() || notApplicable.isPresent()) {
            Outcome skipped = Outcome.skipped(notApplicable.orElse(NO_ACCOUNTS));
            List<SourceReport> sources = matching.isEmpty()
                    ? List.of(SourceReport.of(ADS, SourceStatus.Kind.AD_NETWORK, skipped, query.zone(), null, List.of(), WHAT))
                    : matching.stream().map(account -> SourceReport.of(account.sourceName(), SourceStatus.Kind.AD_NETWORK,
                            skipped, query.zone(), zoneName(dayZone(account)), List.of(), WHAT)).toList();
            return Mono.just(new AdSpend(AdSpendTable.none(query), sources, List.of()));
        }
        Set<String> currencies = matching.stream().map(TenantAdAccount::currency).collect(Collectors.toSet());
        Mono<Optional<FxTable>> fx = Mono.defer(() -> rates.table(currencies, query.tenant().currency(), query.from(),
                        query.to()).timeout(deadline.remaining()))
                .map(Optional::of)
                .onErrorResume(error -> {
                    log.warn("Exchange rates could not be read: {}", error.toString());
                    return Mono.just(Optional.empty());
                });
        Mono<List<AccountAnswer>> answers = Flux.fromIterable(matching)
                .flatMapSequential(account -> fetch(query, account, deadline), matching.size())
                .collectList();
        return Mono.zip(fx, answers).map(both -> {
            FxTable table = both.getT1().orElse(null);
            AdSpendTable spendTable = AdSpendTable.of(query,
                    both.getT2().stream().map(AccountAnswer::spend).toList(), table);
            return new AdSpend(spendTable, both.getT2().stream().map(AccountAnswer::source).toList(),
                    missingRates(query, table, spendTable));
        });
    }

    private Mono<AccountAnswer> fetch(ReportQuery query, TenantAdAccount account, Deadline deadline) {
        ZoneId dayZone = dayZone(account);
        List<String> warnings = dayZone.equals(query.zone().normalized()) ? List.of()
                : List.of("This account's days are in " + zoneName(dayZone) + ", the report's in " + query.zone().getId()
                        + ": its spend is counted on the account's dates.");
        if (!networks.supports(account)) {
            Outcome skipped = Outcome.skipped("Funnelgate has no client for " + account.network() + " yet: its spend is null.");
            return Mono.just(new AccountAnswer(new AccountSpend(account, null), SourceReport.of(account.sourceName(),
                    SourceStatus.Kind.AD_NETWORK, skipped, query.zone(), zoneName(dayZone), List.of(), WHAT)));
        }
        return ReportService.kept(spend.fetch(new AccountDays(account, dayZone, query.from(), query.to()), deadline),
                        account.sourceName())
                .map(answer -> new AccountAnswer(new AccountSpend(account, answer.value()), SourceReport.of(
                        account.sourceName(), SourceStatus.Kind.AD_NETWORK, answer.outcome(), query.zone(),
                        zoneName(dayZone), warnings, WHAT)));
    }

    private ZoneId dayZone(TenantAdAccount account) {
        return networks.dayZone(account).normalized();
    }

    private static List<SourceFailure> missingRates(ReportQuery query, FxTable table, AdSpendTable spend) {
        if (spend.missingRates().isEmpty()) {
            return List.of();
        }
        String which = table == null ? "could not be read" : "are missing for " + String.join(", ", spend.missingRates());
        return List.of(new SourceFailure("fx", ErrorCode.SOURCE_UNAVAILABLE, "Exchange rates to "
                + query.tenant().currency() + " " + which + ": the spend they would convert is null in this report."));
    }

    private static Optional<String> whyNotApplicable(ReportQuery query) {
        if (query.granularity() == Granularity.HOUR) {
            return Optional.of(WHOLE_DAYS);
        }
        if (query.bySite() || query.byCta() || !query.filter().siteIds().isEmpty()
                || !query.filter().ctaIds().isEmpty()) {
            return Optional.of(NOT_BY_SITE);
        }
        return Optional.empty();
    }

    /** The zone's IANA name; "UTC" for the UTC offset (which {@code ZoneOffset} calls "Z"). */
    private static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /**
     * What the tenant's ad accounts gave a report.
     *
     * @param table the spend of the accounts that answered, keyed like the report's rows
     * @param sources how each account (or the accounts as a whole) answered
     * @param failures failures beyond the accounts' own: exchange rates that could not be had
     */
    record AdSpend(AdSpendTable table, List<SourceReport> sources, List<SourceFailure> failures) {
    }

    /** One account's rows (null unless it answered) and how it answered. */
    private record AccountAnswer(AccountSpend spend, SourceReport source) {
    }
}
