package com.funnelgate.gateway.report;

import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.funnel.FunnelStore;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.resilience.Deadline;
import com.funnelgate.gateway.resilience.SourceErrors;
import com.funnelgate.gateway.resilience.SourceGuard;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The funnel store as a source of a report: protected by the database's circuit breaker and the
 * request's deadline, its answer recorded as a {@link SourceStatus}. A failure completes empty
 * after recording why; it never fails the report.
 */
@Component
class FunnelSource {

    /** The breaker, retry and time limiter of the funnel database. */
    static final String BREAKER = "funnel";

    private static final Logger log = LoggerFactory.getLogger(FunnelSource.class);

    private final FunnelStore store;
    private final SourceGuard guard;

    FunnelSource(FunnelStore store, SourceGuard guard) {
        this.store = store;
        this.guard = guard;
    }

    Mono<FunnelResult> fetch(ReportQuery query, boolean visitors, Deadline deadline, SourceAnswers answers) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            String zone = query.zone().getId();
            return guard.protect(store.fetch(query, visitors), BREAKER, null, deadline)
                    .doOnNext(result -> answers.add(new SourceStatus(SourceStatus.FUNNEL, SourceStatus.Kind.FUNNEL,
                            SourceStatus.State.FRESH, OffsetDateTime.now(query.zone()), Timing.millisSince(started),
                            null, zone, List.of())))
                    .onErrorResume(error -> {
                        log.warn("Funnel store failed a report of tenant {}: {}", query.tenant().id(), error.toString());
                        SourceFailure failure = new SourceFailure(SourceStatus.FUNNEL, SourceErrors.code(error),
                                SourceErrors.message(SourceStatus.FUNNEL, "Funnel metrics", error));
                        answers.fail(new SourceStatus(SourceStatus.FUNNEL, SourceStatus.Kind.FUNNEL,
                                SourceStatus.State.FAILED, null, Timing.millisSince(started), failure.code().name(),
                                zone, List.of()), failure);
                        return Mono.empty();
                    });
        });
    }
}
