package com.funnelgate.gateway.report;

import com.funnelgate.gateway.errors.ApiException;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.funnel.FunnelCatalog;
import com.funnelgate.gateway.funnel.FunnelMetrics;
import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.funnel.FunnelStore;
import com.funnelgate.gateway.query.Periods;
import com.funnelgate.gateway.query.ReportFilter;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.query.RowKey;
import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Tenant;
import com.funnelgate.gateway.tenancy.TenantDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers reports: checks the arguments and the caller's scope, plans which sources the selected
 * fields need, asks them, and assembles rows, totals and per-source status. A failed source leaves
 * its metrics null and is reported as a {@link SourceFailure}; the report still answers.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    /** Ad spend is not wired into reports yet: its metrics are null and its source says so. */
    private static final SourceStatus AD_SPEND_NOT_CONNECTED = new SourceStatus("ads", SourceStatus.Kind.AD_NETWORK,
            SourceStatus.State.SKIPPED, null, null, null);

    private final TenantDirectory tenants;
    private final FunnelStore funnel;
    private final FunnelCatalog catalog;
    private final ReportProperties limits;
    private final ReportValidation validation;

    public ReportService(TenantDirectory tenants, FunnelStore funnel, FunnelCatalog catalog, ReportProperties limits) {
        this.tenants = tenants;
        this.funnel = funnel;
        this.catalog = catalog;
        this.limits = limits;
        this.validation = new ReportValidation(limits);
    }

    /** One tenant's report, as far as the selection needs it. */
    public Mono<ReportOutcome> report(Caller caller, ReportRequest request, ReportSelection selection) {
        return Mono.defer(() -> {
            long tenantId = caller.tenantFor(request.tenantId());
            validation.checkRange(request.range(), request.granularity());
            ReportFilter filter = validation.filter(request.filter());
            if (!selection.needsTenant()) {
                Report report = new Report(Long.toString(tenantId), request.range(), request.granularity(), null, null,
                        List.of(), null, List.of());
                return Mono.just(new ReportOutcome(report, List.of()));
            }
            return tenants.find(tenantId)
                    .switchIfEmpty(Mono.error(() -> ApiException.badInput("Unknown tenant " + tenantId + ".")))
                    .flatMap(tenant -> checkFilter(tenant, filter).thenReturn(new ReportQuery(tenant,
                            request.range().from(), request.range().to(), request.granularity(),
                            new LinkedHashSet<>(request.groupBy()), filter)))
                    .flatMap(query -> run(query, request, selection));
        });
    }

    /** The same report for several tenants of the caller's scope, in the order asked. */
    public Flux<ReportOutcome> reports(Caller caller, List<String> tenantIds, ReportRequest template,
            ReportSelection selection) {
        if (tenantIds.size() > limits.maxTenantsPerRequest()) {
            return Flux.error(ApiException.badInput("tenantIds holds " + tenantIds.size()
                    + " tenants; at most " + limits.maxTenantsPerRequest() + " are allowed per request."));
        }
        tenantIds.forEach(caller::tenantFor);
        return Flux.fromIterable(new LinkedHashSet<>(tenantIds)).flatMapSequential(tenantId -> report(caller,
                new ReportRequest(template.range(), template.granularity(), template.groupBy(), template.filter(),
                        tenantId), selection), 4);
    }

    private Mono<Void> checkFilter(Tenant tenant, ReportFilter filter) {
        return catalog.unknownSites(tenant.id(), filter.siteIds())
                .doOnNext(unknown -> ReportValidation.checkKnown("filter.siteIds", unknown))
                .then(catalog.unknownCtas(tenant.id(), filter.ctaIds()))
                .doOnNext(unknown -> ReportValidation.checkKnown("filter.ctaIds", unknown))
                .then();
    }

    private Mono<ReportOutcome> run(ReportQuery query, ReportRequest request, ReportSelection selection) {
        List<SourceStatus> sources = new ArrayList<>();
        List<SourceFailure> failures = new ArrayList<>();
        Mono<Optional<FunnelResult>> funnelResult = selection.funnel()
                ? timed(selection.rows() ? query : query.totalsOnly(), selection, sources, failures)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return funnelResult.map(result -> {
            if (selection.adSpend()) {
                sources.add(AD_SPEND_NOT_CONNECTED);
            }
            FunnelResult data = result.orElse(null);
            int digits = moneyDigits(query.tenant().currency());
            List<ReportRow> rows = selection.rows() ? rows(query, data, digits) : List.of();
            Metrics totals = Metrics.of(data == null ? null : data.totals(), digits);
            Tenant tenant = query.tenant();
            Report report = new Report(Long.toString(tenant.id()), request.range(), request.granularity(),
                    tenant.timeZone().getId(), tenant.currency(), rows, totals, List.copyOf(sources));
            return new ReportOutcome(report, failures);
        });
    }

    /** The funnel's answer, recording its status; a failure becomes an empty result and a failure entry. */
    private Mono<FunnelResult> timed(ReportQuery query, ReportSelection selection, List<SourceStatus> sources,
            List<SourceFailure> failures) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return funnel.fetch(query, selection.visitors())
                    .timeout(limits.deadline())
                    .doOnNext(result -> sources.add(new SourceStatus(SourceStatus.FUNNEL, SourceStatus.Kind.FUNNEL,
                            SourceStatus.State.FRESH, OffsetDateTime.now(query.zone()), millisSince(started), null)))
                    .onErrorResume(error -> {
                        SourceFailure failure = funnelFailure(error);
                        log.warn("Funnel store failed a report of tenant {}: {}", query.tenant().id(), error.toString());
                        failures.add(failure);
                        sources.add(new SourceStatus(SourceStatus.FUNNEL, SourceStatus.Kind.FUNNEL,
                                SourceStatus.State.FAILED, null, millisSince(started), failure.code().name()));
                        return Mono.empty();
                    });
        });
    }

    private static SourceFailure funnelFailure(Throwable error) {
        if (error instanceof TimeoutException) {
            return new SourceFailure(SourceStatus.FUNNEL, ErrorCode.SOURCE_TIMEOUT,
                    "The funnel store did not answer in time; funnel metrics are missing from this report.");
        }
        return new SourceFailure(SourceStatus.FUNNEL, ErrorCode.SOURCE_UNAVAILABLE,
                "The funnel store is unavailable; funnel metrics are missing from this report.");
    }

    private List<ReportRow> rows(ReportQuery query, FunnelResult data, int digits) {
        boolean grouped = !query.groupBy().isEmpty();
        Collection<RowKey> keys = grouped
                ? (data == null ? List.of() : data.rows().keySet())
                : Periods.all(query).stream().map(RowKey::ofPeriod).toList();
        if (keys.size() > limits.maxRows()) {
            throw ApiException.badInput("This report has " + keys.size() + " rows, more than the limit of "
                    + limits.maxRows() + ". Narrow the range, coarsen the granularity or group by less.");
        }
        Map<RowKey, FunnelMetrics> funnelRows = data == null ? Map.of() : data.rows();
        FunnelMetrics none = data == null ? null : FunnelMetrics.zero(data.totals().visitors() != null);
        List<ReportRow> rows = new ArrayList<>(keys.size());
        for (RowKey key : keys) {
            rows.add(row(query, key, Metrics.of(funnelRows.getOrDefault(key, none), digits)));
        }
        return rows;
    }

    private static ReportRow row(ReportQuery query, RowKey key, Metrics metrics) {
        Instant period = key.period();
        return new ReportRow(
                period == null ? null : LocalDate.ofInstant(period, query.zone()),
                period == null ? null : OffsetDateTime.ofInstant(period, query.zone()),
                key.network(), key.campaignId(), null,
                key.siteId() == null ? null : key.siteId().toString(),
                key.ctaId() == null ? null : key.ctaId().toString(),
                metrics);
    }

    private static int moneyDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    private static Integer millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
