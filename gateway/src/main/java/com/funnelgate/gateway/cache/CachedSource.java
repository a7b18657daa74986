package com.funnelgate.gateway.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A source behind a {@link TieredCache}, one entry per request shape: a fresh entry answers
 * (CACHED); otherwise concurrent identical misses share one fetch (single-flight), which is stored
 * and answers (FRESH); if the fetch fails and an expired entry is still within the stale limit, that
 * answers (STALE, with why). Otherwise the failure stands.
 */
public final class CachedSource<V> {

    private final TieredCache<V> cache;
    private final SingleFlight<String, Answer<V>> flights = new SingleFlight<>();
    private final Duration staleLimit;
    private final Clock clock;

    public CachedSource(TieredCache<V> cache, Duration staleLimit, Clock clock) {
        this.cache = cache;
        this.staleLimit = staleLimit;
        this.clock = clock;
    }

    /**
     * The answer for the key.
     *
     * @param fetch asks the source (with its protections); subscribed at most once per key at a time
     * @param ttl how long a freshly fetched value stays fresh
     * @param onStored runs after a fresh value is stored (e.g. to index its key); may be empty
     * @param wait how long this caller waits for the fetch; past it, a stale entry answers if there is one
     * @param generation the version of the tenant's data, bumped when it changes: a value fetched while
     *     it changed answers this request but is not stored (it may predate the change)
     */
    public Mono<Answer<V>> get(long tenantId, String key, Supplier<Mono<V>> fetch, Duration ttl,
            Supplier<Mono<Void>> onStored, Duration wait, LongSupplier generation) {
        return cache.get(tenantId, key).flatMap(found -> {
            if (isFresh(found)) {
                return Mono.just(cached(found.get()));
            }
            // Another flight may have stored the value since this lookup: look again before fetching.
            Mono<Answer<V>> flight = flights.run(key, () -> cache.get(tenantId, key).flatMap(again -> isFresh(again)
                    ? Mono.just(cached(again.get()))
                    : fetchAndStore(tenantId, key, fetch, ttl, onStored, generation)));
            return flight.timeout(wait).onErrorResume(error -> stale(found, error));
        });
    }

    private Mono<Answer<V>> fetchAndStore(long tenantId, String key, Supplier<Mono<V>> fetch, Duration ttl,
            Supplier<Mono<Void>> onStored, LongSupplier generation) {
        long before = generation.getAsLong();
        Instant fetchedAt = clock.instant();
        return fetch.get().flatMap(value -> {
            if (generation.getAsLong() != before) {
                return Mono.just(new Answer<>(value, Freshness.FRESH, fetchedAt, null, null));
            }
            return store(tenantId, key, value, fetchedAt, ttl, onStored)
                    .map(stored -> new Answer<>(value, Freshness.FRESH, fetchedAt, stored.freshUntil(), null));
        });
    }

    private boolean isFresh(Optional<Cached<V>> entry) {
        return entry.isPresent() && entry.get().freshAt(clock.instant());
    }

    private static <V> Answer<V> cached(Cached<V> hit) {
        return new Answer<>(hit.value(), Freshness.CACHED, hit.fetchedAt(), hit.freshUntil(), null);
    }

    private Mono<Cached<V>> store(long tenantId, String key, V value, Instant fetchedAt, Duration ttl,
            Supplier<Mono<Void>> onStored) {
        Instant freshUntil = fetchedAt.plus(ttl);
        Cached<V> entry = new Cached<>(value, tenantId, fetchedAt, freshUntil, freshUntil.plus(staleLimit));
        return cache.put(key, entry).then(Mono.defer(onStored)).thenReturn(entry);
    }

    private Mono<Answer<V>> stale(Optional<Cached<V>> found, Throwable error) {
        if (found.isPresent() && found.get().servableAt(clock.instant())) {
            Cached<V> stale = found.get();
            return Mono.just(new Answer<>(stale.value(), Freshness.STALE, stale.fetchedAt(), stale.freshUntil(), error));
        }
        return Mono.error(error);
    }

    /** The cache behind this source. */
    public TieredCache<V> cache() {
        return cache;
    }
}
