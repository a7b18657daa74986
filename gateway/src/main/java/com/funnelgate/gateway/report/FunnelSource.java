package com.funnelgate.gateway.report;

import com.funnelgate.gateway.cache.Answer;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.Freshness;
import com.funnelgate.gateway.funnel.FunnelCache;
import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.funnel.FunnelStore;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.resilience.Deadline;
import com.funnelgate.gateway.resilience.SourceErrors;
import com.funnelgate.gateway.resilience.SourceGuard;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The funnel store as a source of a report: behind the results cache (fresh entries answer without
 * a query, concurrent identical misses share one, an expired entry answers when the store fails),
 * protected by the database's circuit breaker and the request's deadline, its answer recorded as a
 * {@link SourceStatus}. A failure completes empty after recording why; it never fails the report.
 */
@Component
class FunnelSource {

    /** The breaker, retry and time limiter of the funnel database. */
    static final String BREAKER = "funnel";

    private static final Logger log = LoggerFactory.getLogger(FunnelSource.class);

    private final FunnelStore store;
    private final SourceGuard guard;
    private final FunnelCache cache;
    private final CacheProperties caching;

    FunnelSource(FunnelStore store, SourceGuard guard, FunnelCache cache, CacheProperties caching) {
        this.store = store;
        this.guard = guard;
        this.cache = cache;
        this.caching = caching;
    }

    Mono<FunnelResult> fetch(ReportQuery query, boolean visitors, Deadline deadline, SourceAnswers answers) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            String zone = query.zone().getId();
            // A fetch shared through the cache runs on its own budget; this report waits its own deadline.
            Supplier<Mono<FunnelResult>> shared = () -> guard.protect(store.fetch(query, visitors), BREAKER, null,
                    Deadline.in(caching.fetchBudget()));
            Mono<Answer<FunnelResult>> answer = caching.enabled()
                    ? cache.get(query, visitors, shared, deadline.remaining())
                    : guard.protect(store.fetch(query, visitors), BREAKER, null, deadline)
                            .map(result -> new Answer<>(result, Freshness.FRESH, Instant.now(), null, null));
            return answer
                    .doOnNext(got -> answers.freshUntil(got.freshUntil()))
                    .doOnNext(got -> answers.add(new SourceStatus(SourceStatus.FUNNEL, SourceStatus.Kind.FUNNEL,
                            SourceStates.of(got), OffsetDateTime.ofInstant(got.asOf(), query.zone()),
                            Timing.millisSince(started), SourceStates.errorCode(got), zone,
                            SourceStates.warnings(got, "funnel metrics"))))
                    .map(Answer::value)
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
