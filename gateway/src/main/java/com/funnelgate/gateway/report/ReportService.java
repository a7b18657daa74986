package com.funnelgate.gateway.report;

import com.funnelgate.gateway.answers.ReportFacts;
import com.funnelgate.gateway.cache.DataGenerations;
import com.funnelgate.gateway.errors.ApiException;
import com.funnelgate.gateway.funnel.FunnelCatalog;
import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.query.ReportFilter;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.resilience.Deadline;
import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Tenant;
import com.funnelgate.gateway.tenancy.TenantDirectory;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers reports: checks the arguments and the caller's scope, plans which sources the selected
 * fields need, asks them all in parallel under one deadline (each gets what is left of it), and
 * assembles rows, totals and per-source status. A failed source leaves the metrics that needed it
 * null and is reported as a {@link SourceFailure}; the report still answers with everything else. Each
 * outcome carries {@link ReportFacts}: whether a copy of it would stay true (every source CACHED or
 * SKIPPED), until when, and the tenant's {@link DataGenerations} number read before its sources.
 */
@Service
public class ReportService {

    /** Statuses in a stable order: the funnel first, then ad sources by name. */
    private static final Comparator<SourceStatus> STATUS_ORDER = Comparator
            .comparing((SourceStatus status) -> status.kind() != SourceStatus.Kind.FUNNEL)
            .thenComparing(SourceStatus::source);

    private final TenantDirectory tenants;
    private final FunnelCatalog catalog;
    private final FunnelSource funnel;
    private final AdSources ads;
    private final ReportAssembler assembler;
    private final ReportProperties limits;
    private final ReportValidation validation;
    private final DataGenerations generations;

    ReportService(TenantDirectory tenants, FunnelCatalog catalog, FunnelSource funnel, AdSources ads,
            ReportProperties limits, DataGenerations generations) {
        this.generations = generations;
        this.tenants = tenants;
        this.catalog = catalog;
        this.funnel = funnel;
        this.ads = ads;
        this.limits = limits;
        this.assembler = new ReportAssembler(limits);
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
                return Mono.just(new ReportOutcome(report, List.of(), ReportFacts.noSources()));
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

    private Mono<ReportOutcome> run(ReportQuery asked, ReportRequest request, ReportSelection selection) {
        ReportQuery query = selection.rows() ? asked : asked.totalsOnly();
        // Before any source is read: an answer built from entries evicted after this is recognisably old.
        long generation = generations.of(query.tenant().id());
        Deadline deadline = Deadline.in(limits.sourceBudget());
        SourceAnswers answers = new SourceAnswers();
        Mono<Optional<FunnelResult>> funnelResult = selection.funnel()
                ? funnel.fetch(query, selection.visitors(), deadline, answers).map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        Mono<Optional<AdSpendTable>> adSpend = selection.adSpend()
                ? ads.fetch(asked, query, deadline, answers).map(Optional::of)
                : Mono.just(Optional.empty());
        return Mono.zip(funnelResult, adSpend).map(sources -> {
            Tenant tenant = query.tenant();
            ReportAssembler.Assembled assembled = assembler.assemble(query, sources.getT1().orElse(null),
                    sources.getT2().orElse(null), selection.rows());
            List<SourceStatus> statuses = answers.statuses().stream().sorted(STATUS_ORDER).toList();
            Report report = new Report(Long.toString(tenant.id()), request.range(), request.granularity(),
                    tenant.timeZone().getId(), tenant.currency(), assembled.rows(), assembled.totals(), statuses);
            List<SourceFailure> failures = answers.failures();
            boolean replayable = failures.isEmpty() && !answers.unbounded() && statuses.stream()
                    .allMatch(status -> status.state() == SourceStatus.State.CACHED
                            || status.state() == SourceStatus.State.SKIPPED);
            return new ReportOutcome(report, failures,
                    ReportFacts.of(replayable, tenant.id(), generation, answers.freshUntil()));
        });
    }
}
