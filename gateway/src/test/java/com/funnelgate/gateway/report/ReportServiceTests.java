package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.adspend.AccountDays;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.adspend.AdSpendSource;
import com.funnelgate.gateway.adspend.TenantAdAccount;
import com.funnelgate.gateway.errors.ApiException;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.funnel.FunnelCatalog;
import com.funnelgate.gateway.funnel.FunnelMetrics;
import com.funnelgate.gateway.funnel.FunnelQuery;
import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.fx.FxTable;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.RowKey;
import com.funnelgate.gateway.source.Deadline;
import com.funnelgate.gateway.source.Outcome;
import com.funnelgate.gateway.source.Source;
import com.funnelgate.gateway.source.SourceState;
import com.funnelgate.gateway.source.Sourced;
import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Role;
import com.funnelgate.gateway.tenancy.Tenant;
import com.funnelgate.gateway.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The report logic without the application: {@link ReportService} composing what fake sources answer,
 * on virtual time for the deadline. It asks only what the selection needs, shares one deadline among
 * every tenant and lookup of a request, turns each outcome into a status (and a failure next to the
 * data), and derives whether the answer may be replayed.
 */
class ReportServiceTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final DateRange SEPTEMBER = new DateRange(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 7));
    private static final ReportSelection EVERYTHING = new ReportSelection(true, true, true, true, true, true, true);
    private static final ReportSelection AD_METRICS_ONLY = new ReportSelection(false, true, true, false, false, false, true);
    private static final ReportSelection FUNNEL_ONLY = new ReportSelection(false, true, true, false, true, false, false);
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration RESERVE = Duration.ofMillis(50);

    private final TenantDirectory tenants = mock(TenantDirectory.class);
    private final FunnelCatalog catalog = mock(FunnelCatalog.class);
    private final AdAccounts accounts = mock(AdAccounts.class);
    private final AdSpendSource networks = mock(AdSpendSource.class);
    private final List<Duration> funnelBudgets = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger funnelCalls = new AtomicInteger();
    private final AtomicInteger adCalls = new AtomicInteger();
    private Source<FunnelQuery, FunnelResult> funnel = (query, deadline) -> answer(fresh(funnelResult()));
    private Source<AccountDays, List<AdSpendRow>> spend = (query, deadline) -> answer(fresh(List.of(
            new AdSpendRow(AdNetwork.META, "act_1", "c1", "Campaign", LocalDate.of(2026, 9, 2), "EUR",
                    new BigDecimal("12.50"), 1000L, 20L, null))));

    @BeforeEach
    void tenantsWithOneMetaAccountEach() {
        when(tenants.find(anyLong())).thenAnswer(call -> Mono.just(tenant(call.getArgument(0))));
        when(catalog.unknownSites(anyLong(), any())).thenReturn(Mono.just(Set.of()));
        when(catalog.unknownCtas(anyLong(), any())).thenReturn(Mono.just(Set.of()));
        when(accounts.of(anyLong())).thenAnswer(call -> Mono.just(List.of(new TenantAdAccount(call.getArgument(0),
                10, AdNetwork.META, "act_1", "meta", "EUR", BERLIN))));
        when(networks.supports(any())).thenReturn(true);
        when(networks.dayZone(any())).thenReturn(BERLIN);
    }

    @Test
    void theSourcesAnswersAreJoinedAndEachHasItsStatus() {
        ReportOutcome outcome = report(EVERYTHING).block();
        Report report = outcome.report();
        assertThat(report.totals().views()).isEqualTo(100);
        assertThat(report.totals().spend()).isEqualByComparingTo("12.50");
        assertThat(report.totals().cpa()).isEqualByComparingTo("1.2500");
        assertThat(report.sources()).extracting(SourceStatus::source).containsExactly("funnel", "META:act_1");
        assertThat(report.sources()).extracting(SourceStatus::state).containsOnly(SourceState.FRESH);
        assertThat(report.sources().get(0).asOf().toInstant()).isEqualTo(NOW);
        assertThat(report.sources().get(0).timeZone()).isEqualTo("Europe/Berlin");
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.facts().replayable()).as("fetched, not cached").isFalse();
    }

    @Test
    void onlyTheSourcesTheSelectionNeedsAreAsked() {
        countCalls();
        report(AD_METRICS_ONLY).block();
        assertThat(funnelCalls.get()).isZero();
        assertThat(adCalls.get()).isEqualTo(1);
        report(FUNNEL_ONLY).block();
        assertThat(funnelCalls.get()).isEqualTo(1);
        assertThat(adCalls.get()).isEqualTo(1);
    }

    @Test
    void aFailedSourceLeavesItsMetricsNullNeverZeroAndIsReportedNextToTheRest() {
        spend = (query, deadline) -> answer(Sourced.failed(ErrorCode.SOURCE_RATE_LIMITED,
                "the network is throttling this account", Duration.ofMillis(30)));
        ReportOutcome outcome = report(EVERYTHING).block();
        Metrics totals = outcome.report().totals();
        assertThat(totals.spend()).isNull();
        assertThat(totals.cpa()).isNull();
        assertThat(totals.views()).isEqualTo(100);
        SourceStatus meta = outcome.report().sources().get(1);
        assertThat(meta.state()).isEqualTo(SourceState.FAILED);
        assertThat(meta.errorCode()).isEqualTo("SOURCE_RATE_LIMITED");
        assertThat(meta.latencyMs()).isEqualTo(30);
        assertThat(meta.asOf()).isNull();
        assertThat(outcome.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).isEqualTo("META:act_1");
            assertThat(failure.code()).isEqualTo(ErrorCode.SOURCE_RATE_LIMITED);
            assertThat(failure.message()).isEqualTo("META:act_1: the network is throttling this account; "
                    + "Spend, impressions and clicks from it are missing from this report.");
        });
    }

    @Test
    void aSourceThatFailsItsMonoIsReportedUnavailableAndTheReportStands() {
        funnel = (query, deadline) -> Mono.error(new IllegalStateException("a bug"));
        ReportOutcome outcome = report(EVERYTHING).block();
        assertThat(outcome.report().totals().views()).isNull();
        assertThat(outcome.report().totals().spend()).isEqualByComparingTo("12.50");
        assertThat(outcome.failures()).extracting(SourceFailure::code).containsExactly(ErrorCode.SOURCE_UNAVAILABLE);
        assertThat(outcome.failures().get(0).message()).doesNotContain("bug");
    }

    @Test
    void aSourceThatAnswersNothingIsReportedUnavailable() {
        spend = (query, deadline) -> Mono.empty();
        ReportOutcome outcome = report(EVERYTHING).block();
        assertThat(outcome.report().sources()).extracting(SourceStatus::state)
                .containsExactly(SourceState.FRESH, SourceState.FAILED);
        assertThat(outcome.failures()).extracting(SourceFailure::code).containsExactly(ErrorCode.SOURCE_UNAVAILABLE);
    }

    @Test
    void aStaleAnswerSaysWhatItStandsInForAndIsNotReplayable() {
        Instant asOf = NOW.minus(Duration.ofHours(1));
        funnel = (query, deadline) -> answer(new Sourced<>(funnelResult(), new Outcome(SourceState.STALE,
                ErrorCode.SOURCE_TIMEOUT, Outcome.TIMED_OUT, asOf, asOf.plusSeconds(30), Duration.ofMillis(5))));
        ReportOutcome outcome = report(FUNNEL_ONLY).block();
        SourceStatus status = outcome.report().sources().get(0);
        assertThat(status.state()).isEqualTo(SourceState.STALE);
        assertThat(status.errorCode()).isEqualTo("SOURCE_TIMEOUT");
        assertThat(status.warnings()).containsExactly("The source failed (SOURCE_TIMEOUT): these funnel metrics are "
                + "from the cache, as of " + asOf + ".");
        assertThat(outcome.report().totals().views()).isEqualTo(100);
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.facts().replayable()).isFalse();
    }

    @Test
    void anAnswerOfCachedAndSkippedSourcesIsReplayableUntilTheEarliestFreshness() {
        Instant early = NOW.plus(Duration.ofMinutes(3));
        funnel = (query, deadline) -> answer(cached(funnelResult(), early));
        spend = (query, deadline) -> answer(cached(List.of(), NOW.plus(Duration.ofHours(6))));
        ReportFacts facts = report(EVERYTHING).block().facts();
        assertThat(facts.replayable()).isTrue();
        assertThat(facts.freshUntil()).isEqualTo(early);
        assertThat(facts.tenants()).containsExactly(1L);

        ReportFacts hourly = service().report(caller(1), new ReportRequest(SEPTEMBER, Granularity.HOUR, List.of(), null,
                null), EVERYTHING, Deadline.in(DEADLINE)).block().facts();
        assertThat(hourly.replayable()).as("the funnel cached, the account skipped").isTrue();
    }

    @Test
    void hourlyReportsAskNoAccountAndSayWhy() {
        countCalls();
        ReportOutcome outcome = service().report(caller(1), new ReportRequest(SEPTEMBER, Granularity.HOUR, List.of(),
                null, null), AD_METRICS_ONLY, Deadline.in(DEADLINE)).block();
        assertThat(adCalls.get()).isZero();
        SourceStatus meta = outcome.report().sources().get(0);
        assertThat(meta.state()).isEqualTo(SourceState.SKIPPED);
        assertThat(meta.warnings()).singleElement().asString().contains("whole days");
        assertThat(outcome.report().totals().spend()).isNull();
    }

    @Test
    void accountsThatCannotBeReadFailTheAdMetricsOnly() {
        when(accounts.of(anyLong())).thenReturn(Mono.error(new IllegalStateException("connection lost")));
        ReportOutcome outcome = report(EVERYTHING).block();
        assertThat(outcome.report().totals().views()).isEqualTo(100);
        assertThat(outcome.report().totals().spend()).isNull();
        assertThat(outcome.report().sources()).extracting(SourceStatus::source, SourceStatus::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("funnel", SourceState.FRESH),
                        org.assertj.core.groups.Tuple.tuple("ads", SourceState.FAILED));
        assertThat(outcome.failures()).extracting(SourceFailure::source).containsExactly("ads");
    }

    @Test
    void everySourceOfEveryTenantSharesTheRequestsOneDeadline() {
        funnel = (query, deadline) -> {
            funnelBudgets.add(deadline.remaining());
            return answer(fresh(funnelResult()));
        };
        spend = hanging();
        Caller partner = new Caller("partner", Role.PARTNER, Set.of(1L, 2L, 3L, 4L, 5L, 6L));
        StepVerifier.withVirtualTime(() -> service().reports(partner, List.of("1", "2", "3", "4", "5", "6"),
                        new ReportRequest(SEPTEMBER, Granularity.TOTAL, List.of(), null, null), EVERYTHING,
                        Deadline.in(DEADLINE)).collectList())
                .expectSubscription()
                .expectNoEvent(DEADLINE.minus(RESERVE).minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(outcomes -> {
                    assertThat(outcomes).hasSize(6).allSatisfy(outcome -> {
                        assertThat(outcome.report().totals().views()).isEqualTo(100);
                        assertThat(outcome.failures()).extracting(SourceFailure::code)
                                .containsExactly(ErrorCode.SOURCE_TIMEOUT);
                    });
                    assertThat(outcomes).extracting(outcome -> outcome.report().tenantId())
                            .containsExactly("1", "2", "3", "4", "5", "6");
                })
                .verifyComplete();
        assertThat(funnelBudgets).hasSize(6).containsOnly(DEADLINE.minus(RESERVE));
    }

    @Test
    void aTenantLookupThatDoesNotAnswerFailsTheReportAtTheDeadline() {
        when(tenants.find(anyLong())).thenReturn(Mono.never());
        StepVerifier.withVirtualTime(() -> report(EVERYTHING))
                .expectSubscription()
                .expectNoEvent(DEADLINE.minus(RESERVE).minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ApiException.class);
                    assertThat(((ApiException) error).code()).isEqualTo(ErrorCode.SOURCE_TIMEOUT);
                    assertThat(error.getMessage()).contains("tenant directory");
                })
                .verify();
    }

    @Test
    void aFilterCheckThatDoesNotAnswerFailsTheReportAtTheDeadline() {
        when(catalog.unknownSites(anyLong(), any())).thenReturn(Mono.never());
        StepVerifier.withVirtualTime(() -> service().report(caller(1), new ReportRequest(SEPTEMBER, Granularity.DAY,
                        List.of(), new ReportFilterInput(null, null, List.of("5"), null), null), EVERYTHING,
                        Deadline.in(DEADLINE)))
                .expectSubscription()
                .thenAwait(DEADLINE.minus(RESERVE))
                .expectErrorSatisfies(error -> assertThat(((ApiException) error).code())
                        .isEqualTo(ErrorCode.SOURCE_TIMEOUT))
                .verify();
    }

    @Test
    void aLookupThatFailsIsReportedAsUnavailableWithoutItsDetail() {
        when(tenants.find(anyLong())).thenReturn(Mono.error(new IllegalStateException("FATAL: password for user x")));
        StepVerifier.create(report(EVERYTHING))
                .expectErrorSatisfies(error -> {
                    assertThat(((ApiException) error).code()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
                    assertThat(error.getMessage()).doesNotContain("password");
                })
                .verify();
    }

    private Mono<ReportOutcome> report(ReportSelection selection) {
        return service().report(caller(1), new ReportRequest(SEPTEMBER, Granularity.DAY, List.of(), null, null),
                selection, Deadline.in(DEADLINE));
    }

    private ReportService service() {
        ReportProperties limits = new ReportProperties(DEADLINE, RESERVE, 400, 31, 20000, 200, 100);
        FxTable euros = new FxTable(Map.of(), "EUR", 4);
        AdSources ads = new AdSources(accounts, networks, (query, deadline) -> spend.fetch(query, deadline),
                (currencies, target, first, last) -> Mono.just(euros));
        return new ReportService(tenants, catalog, (query, deadline) -> funnel.fetch(query, deadline), ads, limits);
    }

    private void countCalls() {
        Source<FunnelQuery, FunnelResult> funnelSource = funnel;
        Source<AccountDays, List<AdSpendRow>> spendSource = spend;
        funnel = (query, deadline) -> {
            funnelCalls.incrementAndGet();
            return funnelSource.fetch(query, deadline);
        };
        spend = (query, deadline) -> {
            adCalls.incrementAndGet();
            return spendSource.fetch(query, deadline);
        };
    }

    /** A network that never answers: like every source, it gives up at its deadline. */
    private static <T> Source<AccountDays, T> hanging() {
        return (query, deadline) -> Mono.<Sourced<T>>never()
                .timeout(deadline.remaining(), Mono.fromSupplier(() -> Sourced.timedOut(Duration.ZERO)));
    }

    private static <T> Mono<Sourced<T>> answer(Sourced<T> answer) {
        return Mono.just(answer);
    }

    private static <T> Sourced<T> fresh(T value) {
        return Sourced.fresh(value, NOW, Duration.ofMillis(3));
    }

    private static <T> Sourced<T> cached(T value, Instant freshUntil) {
        return new Sourced<>(value, new Outcome(SourceState.CACHED, null, null, NOW, freshUntil, Duration.ZERO));
    }

    private static FunnelResult funnelResult() {
        FunnelMetrics metrics = new FunnelMetrics(null, 100, 40, 10, 5, new BigDecimal("250"));
        return new FunnelResult(new TreeMap<>(Map.of(RowKey.ofPeriod(null), metrics)), metrics);
    }

    private static Tenant tenant(long id) {
        return new Tenant(id, "tenant " + id, BERLIN, "EUR");
    }

    private static Caller caller(long tenantId) {
        return new Caller("viewer", Role.VIEWER, Set.of(tenantId));
    }
}
