package com.funnelgate.gateway.cache;

import com.funnelgate.gateway.source.Deadline;
import com.funnelgate.gateway.source.Outcome;
import com.funnelgate.gateway.source.Source;
import com.funnelgate.gateway.source.SourceState;
import com.funnelgate.gateway.source.Sourced;
import com.funnelgate.gateway.source.Stopwatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link Source} behind the results cache, its keys and times to live given by a {@link CachePolicy}:
 * when every part of the data is fresh in the cache, it answers (CACHED) without asking the source.
 * Otherwise identical concurrent requests share one fetch of the missing parts (single-flight), which
 * is stored and answers with the cached rest (FRESH). The shared fetch runs on a budget of its own
 * ({@code funnelgate.cache.fetch-budget}) and goes on after a request that gave up on it, so a slow
 * source still fills the cache; each request waits only until its deadline. If the source fails, or
 * does not answer by the deadline, and every part has an expired entry still within the stale limit,
 * those answer (STALE, with the failure's code); otherwise the failure stands.
 *
 * <p>Data fetched while its tenant's data changed ({@link DataChanges}) answers the request but is not
 * kept: it may predate the change (for sources whose policy {@link CachePolicy#followsDataChanges()
 * follows such changes}).
 */
public final class CachedSource<Q, T, P> implements Source<Q, T> {

    private final Source<Q, T> source;
    private final CachePolicy<Q, T, P> policy;
    private final TieredCache<P> cache;
    private final SingleFlight<String, Sourced<T>> flights = new SingleFlight<>();
    private final Duration staleLimit;
    private final Duration fetchBudget;
    private final DataChanges changes;
    private final Clock clock;

    CachedSource(Source<Q, T> source, CachePolicy<Q, T, P> policy, Duration staleLimit, Duration fetchBudget,
            DataChanges changes, Clock clock) {
        this.source = source;
        this.policy = policy;
        this.cache = policy.cache();
        this.staleLimit = staleLimit;
        this.fetchBudget = fetchBudget;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Mono<Sourced<T>> fetch(Q query, Deadline deadline) {
        return Mono.defer(() -> {
            Stopwatch watch = Stopwatch.start();
            long tenantId = policy.tenantId(query);
            List<String> keys = policy.keys(query);
            return cache.getAll(tenantId, keys).flatMap(found -> {
                if (expired(found).isEmpty()) {
                    return Mono.just(fromCache(query, found, null));
                }
                return flights.run(String.join("|", keys), () -> refresh(query, tenantId, keys))
                        .timeout(deadline.remaining(), Mono.fromSupplier(() -> Sourced.timedOut(Duration.ZERO)))
                        .map(answer -> answer.answered() ? answer : staleOr(query, found, answer));
            }).map(answer -> answer.withLatency(watch.elapsed()));
        });
    }

    private Mono<Sourced<T>> refresh(Q query, long tenantId, List<String> keys) {
        // Another flight may have stored the parts since the first lookup: look again before fetching.
        return cache.getAll(tenantId, keys).flatMap(found -> {
            List<Integer> expired = expired(found);
            if (expired.isEmpty()) {
                return Mono.just(fromCache(query, found, null));
            }
            Q fetch = policy.missing(query, expired);
            long mark = changes.mark();
            return source.fetch(fetch, Deadline.in(fetchBudget)).flatMap(answer -> answer.answered()
                    ? store(query, keys, found, fetch, answer, tenantId, mark)
                    : Mono.just(answer));
        });
    }

    /** Stores what was fetched (unless its tenant's data changed meanwhile); answers with it and the fresh rest. */
    private Mono<Sourced<T>> store(Q query, List<String> keys, List<Cached<P>> found, Q fetch, Sourced<T> fetched,
            long tenantId, long mark) {
        Instant fetchedAt = fetched.outcome().asOf();
        Map<String, Cached<P>> parts = new LinkedHashMap<>();
        for (CachePolicy.Part<P> part : policy.parts(fetch, fetched.value(), fetchedAt)) {
            Instant freshUntil = fetchedAt.plus(part.ttl());
            parts.put(part.key(), new Cached<>(part.value(), tenantId, fetchedAt, freshUntil, freshUntil.plus(staleLimit)));
        }
        if (changedSince(tenantId, mark)) {
            return Mono.just(fresh(query, keys, found, parts, false));
        }
        Mono<Void> writes = Flux.fromIterable(parts.entrySet())
                .flatMap(entry -> cache.put(entry.getKey(), entry.getValue())
                        .then(Mono.defer(() -> policy.stored(tenantId, entry.getKey(), entry.getValue()))))
                .then();
        return writes.then(Mono.defer(() -> {
            if (!changedSince(tenantId, mark)) {
                return Mono.just(fresh(query, keys, found, parts, true));
            }
            // The data changed while the entries went in, perhaps after its eviction had run: take them out
            // again, and make whatever was built from them meanwhile recognisably old.
            return cache.remove(List.copyOf(parts.keySet()))
                    .then(Mono.fromRunnable(() -> changes.changed(tenantId)))
                    .thenReturn(fresh(query, keys, found, parts, false));
        }));
    }

    private boolean changedSince(long tenantId, long mark) {
        return policy.followsDataChanges() && changes.changedSince(tenantId, mark);
    }

    private Sourced<T> fresh(Q query, List<String> keys, List<Cached<P>> found, Map<String, Cached<P>> fetched,
            boolean kept) {
        List<Cached<P>> entries = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Cached<P> entry = fetched.getOrDefault(keys.get(i), found.get(i));
            if (entry == null) {
                throw new IllegalStateException("The fetched data has no part " + keys.get(i));
            }
            entries.add(entry);
        }
        Ages ages = Ages.of(entries);
        return new Sourced<>(join(query, entries), Outcome.fresh(ages.asOf(), kept ? ages.freshUntil() : null, null));
    }

    /** All parts from the cache: CACHED, or STALE standing in for the failure. */
    private Sourced<T> fromCache(Q query, List<Cached<P>> entries, Outcome failure) {
        Ages ages = Ages.of(entries);
        SourceState state = failure == null ? SourceState.CACHED : SourceState.STALE;
        return new Sourced<>(join(query, entries), new Outcome(state, failure == null ? null : failure.errorCode(),
                failure == null ? null : failure.reason(), ages.asOf(), ages.freshUntil(), null));
    }

    private Sourced<T> staleOr(Q query, List<Cached<P>> found, Sourced<T> failure) {
        Instant now = clock.instant();
        boolean allServable = found.stream().allMatch(entry -> entry != null && entry.servableAt(now));
        return allServable ? fromCache(query, found, failure.outcome()) : failure;
    }

    private T join(Q query, List<Cached<P>> entries) {
        List<P> parts = new ArrayList<>(entries.size());
        entries.forEach(entry -> parts.add(entry.value()));
        return policy.join(query, parts);
    }

    /** The positions whose entry is missing or no longer fresh. */
    private List<Integer> expired(List<Cached<P>> found) {
        Instant now = clock.instant();
        List<Integer> expired = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i) == null || !found.get(i).freshAt(now)) {
                expired.add(i);
            }
        }
        return expired;
    }

    /** The oldest fetch and the earliest end of freshness among the parts of an answer. */
    private record Ages(Instant asOf, Instant freshUntil) {

        static Ages of(List<? extends Cached<?>> entries) {
            Instant asOf = Instant.MAX;
            Instant freshUntil = Instant.MAX;
            for (Cached<?> entry : entries) {
                asOf = entry.fetchedAt().isBefore(asOf) ? entry.fetchedAt() : asOf;
                freshUntil = entry.freshUntil().isBefore(freshUntil) ? entry.freshUntil() : freshUntil;
            }
            return new Ages(asOf, freshUntil);
        }
    }
}
