package com.funnelgate.gateway.report;

import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.adspend.AdSpendDays;
import com.funnelgate.gateway.adspend.AdSpendSource;
import com.funnelgate.gateway.adspend.TenantAdAccount;
import com.funnelgate.gateway.cache.Answer;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.Freshness;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.fx.FxRates;
import com.funnelgate.gateway.fx.FxTable;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.resilience.Deadline;
import com.funnelgate.gateway.resilience.SourceErrors;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * parallel (with the exchange rates its currency needs), through the per-day spend cache, each under
 * its own protections and the request's deadline. Each account gets a {@link SourceStatus}; a failed one also a
 * {@link SourceFailure}. Ad networks report whole days per campaign, so HOUR reports and reports
 * by (or filtered to) site or call-to-action ask no account at all.
 */
@Component
class AdSources {

    private static final Logger log = LoggerFactory.getLogger(AdSources.class);
    private static final String WHOLE_DAYS = "Ad networks report whole days per campaign: HOUR reports carry no ad metrics.";
    private static final String NOT_BY_SITE = "Ad spend cannot be split by site or call-to-action: reports grouped "
            + "or filtered by them carry no ad metrics.";
    private static final String NO_ACCOUNTS = "No ad account of this tenant matches the report: ad metrics are null.";

    private final AdAccounts accounts;
    private final AdSpendSource source;
    private final AdSpendDays days;
    private final FxRates rates;
    private final CacheProperties caching;

    AdSources(AdAccounts accounts, AdSpendSource source, AdSpendDays days, FxRates rates, CacheProperties caching) {
        this.accounts = accounts;
        this.source = source;
        this.days = days;
        this.rates = rates;
        this.caching = caching;
    }

    /**
     * The ad spend of the report's accounts; never fails, failures end up in {@code answers}.
     *
     * @param asked the report as asked, which decides whether ad networks can answer it at all
     * @param query what to fetch (the asked report, or its totals only)
     */
    Mono<AdSpendTable> fetch(ReportQuery asked, ReportQuery query, Deadline deadline, SourceAnswers answers) {
        Optional<String> notApplicable = whyNotApplicable(asked);
        return accounts.of(query.tenant().id())
                .timeout(deadline.remaining())
                .map(all -> all.stream().filter(account -> query.filter().networks().isEmpty()
                        || query.filter().networks().contains(account.network())).toList())
                .flatMap(matching -> fetch(query, matching, notApplicable, deadline, answers))
                .onErrorResume(error -> {
                    log.warn("Could not read the ad accounts of tenant {}: {}", query.tenant().id(), error.toString());
                    SourceFailure failure = new SourceFailure("ads", ErrorCode.SOURCE_UNAVAILABLE,
                            "ads: the tenant's ad accounts could not be read; ad metrics are missing from this report.");
                    answers.fail(status("ads", SourceStatus.State.FAILED, null, failure.code().name(), null, List.of()),
                            failure);
                    return Mono.just(AdSpendTable.none(query));
                });
    }

    private Mono<AdSpendTable> fetch(ReportQuery query, List<TenantAdAccount> matching, Optional<String> notApplicable,
            Deadline deadline, SourceAnswers answers) {
        if (matching.isEmpty() || notApplicable.isPresent()) {
            String why = notApplicable.orElse(NO_ACCOUNTS);
            if (matching.isEmpty()) {
                answers.add(status("ads", SourceStatus.State.SKIPPED, null, null, null, List.of(why)));
            }
            matching.forEach(account -> answers.add(status(account.sourceName(), SourceStatus.State.SKIPPED, null,
                    null, source.dayZone(account).normalized(), List.of(why))));
            return Mono.just(AdSpendTable.none(query));
        }
        Set<String> currencies = matching.stream().map(TenantAdAccount::currency).collect(Collectors.toSet());
        Mono<Optional<FxTable>> fx = rates.table(currencies, query.tenant().currency(), query.from(), query.to())
                .timeout(deadline.remaining())
                .map(Optional::of)
                .onErrorResume(error -> {
                    log.warn("Exchange rates could not be read: {}", error.toString());
                    return Mono.just(Optional.empty());
                });
        Mono<List<AccountSpend>> spends = Flux.fromIterable(matching)
                .flatMap(account -> fetch(query, account, deadline, answers), Math.max(1, matching.size()))
                .collectList();
        return Mono.zip(fx, spends).map(both -> {
            FxTable table = both.getT1().orElse(null);
            AdSpendTable spend = AdSpendTable.of(query, both.getT2(), table);
            reportMissingRates(query, table, spend, answers);
            return spend;
        });
    }

    private Mono<AccountSpend> fetch(ReportQuery query, TenantAdAccount account, Deadline deadline,
            SourceAnswers answers) {
        ZoneId dayZone = source.dayZone(account).normalized();
        List<String> warnings = dayZone.equals(query.zone().normalized()) ? List.of()
                : List.of("This account's days are in " + zoneName(dayZone) + ", the report's in " + query.zone().getId()
                        + ": its spend is counted on the account's dates.");
        if (!source.supports(account)) {
            answers.add(status(account.sourceName(), SourceStatus.State.SKIPPED, null, null, dayZone,
                    List.of("Funnelgate has no client for " + account.network() + " yet: its spend is null.")));
            return Mono.just(new AccountSpend(account, null));
        }
        return Mono.defer(() -> {
            long started = System.nanoTime();
            // A fetch shared through the cache runs on its own budget; this report waits its own deadline.
            AdSpendDays.Fetch shared = (first, last) -> source.fetch(account, first, last,
                    Deadline.in(caching.fetchBudget()));
            Mono<Answer<List<AdSpendRow>>> answer = caching.enabled()
                    ? days.get(account, dayZone, query.from(), query.to(), shared, deadline.remaining())
                    : source.fetch(account, query.from(), query.to(), deadline)
                            .map(rows -> new Answer<>(rows, Freshness.FRESH, Instant.now(), null, null));
            return answer
                    .map(got -> {
                        answers.freshUntil(got.freshUntil());
                        List<String> notes = new ArrayList<>(warnings);
                        notes.addAll(SourceStates.warnings(got, "spend, impressions and clicks"));
                        answers.add(new SourceStatus(account.sourceName(), SourceStatus.Kind.AD_NETWORK,
                                SourceStates.of(got), OffsetDateTime.ofInstant(got.asOf(), query.zone()),
                                Timing.millisSince(started), SourceStates.errorCode(got), zoneName(dayZone), notes));
                        return new AccountSpend(account, got.value());
                    })
                    .onErrorResume(error -> {
                        log.warn("{} failed a report of tenant {}: {}", account.sourceName(), query.tenant().id(),
                                error.toString());
                        SourceFailure failure = new SourceFailure(account.sourceName(), SourceErrors.code(error),
                                SourceErrors.message(account.sourceName(), "Spend, impressions and clicks", error));
                        answers.fail(status(account.sourceName(), SourceStatus.State.FAILED, Timing.millisSince(started),
                                failure.code().name(), dayZone, warnings), failure);
                        return Mono.just(new AccountSpend(account, null));
                    });
        });
    }

    private static void reportMissingRates(ReportQuery query, FxTable table, AdSpendTable spend, SourceAnswers answers) {
        if (spend.missingRates().isEmpty()) {
            return;
        }
        String which = table == null ? "could not be read" : "are missing for " + String.join(", ", spend.missingRates());
        answers.fail(new SourceFailure("fx", ErrorCode.SOURCE_UNAVAILABLE, "Exchange rates to "
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

    private static SourceStatus status(String name, SourceStatus.State state, Integer latency, String errorCode,
            ZoneId zone, List<String> warnings) {
        return new SourceStatus(name, SourceStatus.Kind.AD_NETWORK, state,
                state == SourceStatus.State.FRESH ? OffsetDateTime.now() : null, latency, errorCode,
                zone == null ? null : zoneName(zone), new ArrayList<>(warnings));
    }
}
