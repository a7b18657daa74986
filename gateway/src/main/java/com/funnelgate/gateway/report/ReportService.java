package com.funnelgate.gateway.report;

import com.funnelgate.gateway.errors.ApiException;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.funnel.FunnelCatalog;
import com.funnelgate.gateway.funnel.FunnelQuery;
import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.query.ReportFilter;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.source.Deadline;
import com.funnelgate.gateway.source.Source;
import com.funnelgate.gateway.source.SourceState;
import com.funnelgate.gateway.source.Sourced;
import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Tenant;
import com.funnelgate.gateway.tenancy.TenantDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers reports: checks the arguments and the caller's scope, plans which sources the selected
 * fields need, asks them all in parallel under the request's one deadline (its lookups too), and
 * composes what they answered into rows, totals and per-source status. A failed source leaves the
 * metrics that needed it null and is reported as a {@link SourceFailure}; the report still answers
 * with everything else. Each outcome carries the {@link ReportFacts} a cache of whole answers needs,
 * derived from the sources' outcomes.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    /** Statuses in a stable order: the funnel first, then ad sources by name. */
    private static final Comparator<SourceReport> SOURCE_ORDER = Comparator
            .comparing((SourceReport source) -> source.status().kind() != SourceStatus.Kind.FUNNEL)
            .thenComparing(source -> source.status().source());

    private final TenantDirectory tenants;
    private final FunnelCatalog catalog;
    private final Source<FunnelQuery, FunnelResult> funnel;
    private final AdSources ads;
    private final ReportAssembler assembler;
    private final ReportProperties limits;
    private final ReportValidation validation;

    ReportService(TenantDirectory tenants, FunnelCatalog catalog, Source<FunnelQuery, FunnelResult> funnel,
            AdSources ads, ReportProperties limits) {
        this.tenants = tenants;
        this.catalog = catalog;
        this.funnel = funnel;
        this.ads = ads;
        this.limits = limits;
        this.assembler = new ReportAssembler(limits);
        this.validation = new ReportValidation(limits);
    }

    /**
     * One tenant's report, as far as the selection needs it.
     *
     * @param deadline when the answer is due; sources are cut off the answer reserve before it
     */
    public Mono<ReportOutcome> report(Caller caller, ReportRequest request, ReportSelection selection,
            Deadline deadline) {
        return Mono.defer(() -> {
            long tenantId = caller.tenantFor(request.tenantId());
            validation.checkRange(request.range(), request.granularity());
            ReportFilter filter = validation.filter(request.filter());
            if (!selection.needsTenant()) {
                Report report = new Report(Long.toString(tenantId), request.range(), request.granularity(), null, null,
                        List.of(), null, List.of());
                return Mono.just(new ReportOutcome(report, List.of(), ReportFacts.noSources()));
            }
            Deadline sources = limits.sourcesCutOff(deadline);
            return within(tenants.find(tenantId), sources, "The tenant directory")
                    .switchIfEmpty(Mono.error(() -> ApiException.badInput("Unknown tenant " + tenantId + ".")))
                    .flatMap(tenant -> within(checkFilter(tenant, filter), sources, "The tenant's sites and "
                            + "calls-to-action").thenReturn(new ReportQuery(tenant, request.range().from(),
                            request.range().to(), request.granularity(), new LinkedHashSet<>(request.groupBy()), filter)))
                    .flatMap(query -> run(query, request, selection, sources));
        });
    }

    /**
     * The same report for several tenants of the caller's scope, in the order asked. All are asked at
     * once: they share the request's one deadline, and a tenant asked later would have less of it.
     */
    public Flux<ReportOutcome> reports(Caller caller, List<String> tenantIds, ReportRequest template,
            ReportSelection selection, Deadline deadline) {
        if (tenantIds.size() > limits.maxTenantsPerRequest()) {
            return Flux.error(ApiException.badInput("tenantIds holds " + tenantIds.size()
                    + " tenants; at most " + limits.maxTenantsPerRequest() + " are allowed per request."));
        }
        tenantIds.forEach(caller::tenantFor);
        List<String> distinct = List.copyOf(new LinkedHashSet<>(tenantIds));
        return Flux.fromIterable(distinct).flatMapSequential(tenantId -> report(caller,
                new ReportRequest(template.range(), template.granularity(), template.groupBy(), template.filter(),
                        tenantId), selection, deadline), Math.max(1, distinct.size()));
    }

    private Mono<Void> checkFilter(Tenant tenant, ReportFilter filter) {
        return catalog.unknownSites(tenant.id(), filter.siteIds())
                .doOnNext(unknown -> ReportValidation.checkKnown("filter.siteIds", unknown))
                .then(catalog.unknownCtas(tenant.id(), filter.ctaIds()))
                .doOnNext(unknown -> ReportValidation.checkKnown("filter.ctaIds", unknown))
                .then();
    }

    private Mono<ReportOutcome> run(ReportQuery asked, ReportRequest request, ReportSelection selection,
            Deadline deadline) {
        ReportQuery query = selection.rows() ? asked : asked.totalsOnly();
        Mono<Optional<Sourced<FunnelResult>>> funnelAnswer = selection.funnel()
                ? kept(funnel.fetch(new FunnelQuery(query, selection.visitors()), deadline), SourceStatus.FUNNEL)
                        .map(Optional::of)
                : Mono.just(Optional.empty());
        Mono<Optional<AdSources.AdSpend>> adSpend = selection.adSpend()
                ? ads.fetch(asked, query, deadline).map(Optional::of)
                : Mono.just(Optional.empty());
        return Mono.zip(funnelAnswer, adSpend).map(answers -> compose(query, request, selection,
                answers.getT1().orElse(null), answers.getT2().orElse(null)));
    }

    /**
     * The report from what its sources answered.
     *
     * @param funnelAnswer null when the funnel was not asked
     * @param adSpend null when no ad metric was asked for
     */
    ReportOutcome compose(ReportQuery query, ReportRequest request, ReportSelection selection,
            Sourced<FunnelResult> funnelAnswer, AdSources.AdSpend adSpend) {
        Tenant tenant = query.tenant();
        List<SourceReport> sources = new ArrayList<>();
        List<SourceFailure> failures = new ArrayList<>();
        if (funnelAnswer != null) {
            sources.add(SourceReport.of(SourceStatus.FUNNEL, SourceStatus.Kind.FUNNEL, funnelAnswer.outcome(),
                    query.zone(), query.zone().getId(), List.of(), "Funnel metrics"));
        }
        if (adSpend != null) {
            sources.addAll(adSpend.sources());
        }
        sources.sort(SOURCE_ORDER);
        sources.stream().map(SourceReport::failure).filter(failure -> failure != null).forEach(failures::add);
        if (adSpend != null) {
            failures.addAll(adSpend.failures());
        }
        ReportAssembler.Assembled assembled = assembler.assemble(query,
                funnelAnswer == null ? null : funnelAnswer.value(), adSpend == null ? null : adSpend.table(),
                selection.rows());
        Report report = new Report(Long.toString(tenant.id()), request.range(), request.granularity(),
                tenant.timeZone().getId(), tenant.currency(), assembled.rows(), assembled.totals(),
                sources.stream().map(SourceReport::status).toList());
        return new ReportOutcome(report, failures, facts(tenant, sources, failures));
    }

    /** Replayable when no source failed and each was CACHED or SKIPPED; as fresh as the least fresh. */
    private static ReportFacts facts(Tenant tenant, List<SourceReport> sources, List<SourceFailure> failures) {
        boolean replayable = failures.isEmpty() && sources.stream()
                .allMatch(source -> source.state() == SourceState.CACHED || source.state() == SourceState.SKIPPED);
        Instant freshUntil = sources.stream().map(SourceReport::freshUntil).filter(until -> until != null)
                .min(Comparator.naturalOrder()).orElse(null);
        return ReportFacts.of(replayable, tenant.id(), freshUntil);
    }

    /** A lookup the report cannot go without, under the deadline; its failure fails the report. */
    private static <T> Mono<T> within(Mono<T> lookup, Deadline deadline, String what) {
        return Mono.defer(() -> lookup.timeout(deadline.remaining()))
                .onErrorMap(TimeoutException.class, error -> new ApiException(ErrorCode.SOURCE_TIMEOUT,
                        what + " did not answer within the report's deadline; try again."))
                .onErrorMap(error -> !(error instanceof ApiException), error -> {
                    log.warn("{} failed a report: {}", what, error.toString());
                    return new ApiException(ErrorCode.SOURCE_UNAVAILABLE, what + " could not be read; try again.");
                });
    }

    /**
     * The source's answer, even when it broke its promise to answer with one value (failed or completed
     * empty): a bug, logged and reported as the source being unavailable.
     */
    static <T> Mono<Sourced<T>> kept(Mono<Sourced<T>> answer, String source) {
        return answer
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the source answered nothing")))
                .onErrorResume(error -> {
                    log.error("Source {} broke its promise to answer", source, error);
                    return Mono.just(Sourced.failed(ErrorCode.SOURCE_UNAVAILABLE, "is unavailable", null));
                });
    }
}
