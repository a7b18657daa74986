package com.funnelgate.gateway.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * How one source's data is cached by {@link CachedSource}: the keys it is stored under and how long
 * each part stays fresh. The data answering a query is made of parts, one per key: a whole funnel
 * result under one key, an ad account's spend under one key per day (so a shifted range reuses the
 * days it already has). Every key starts with nothing but the tenant's id, and is for this source's
 * {@link #cache()} alone.
 *
 * @param <Q> what the source is asked
 * @param <T> the data it answers
 * @param <P> one cached part of the data, as it is stored (and sent to Redis as JSON)
 */
public interface CachePolicy<Q, T, P> {

    /** Where the parts are kept. */
    TieredCache<P> cache();

    /** The tenant the query's data belongs to. */
    long tenantId(Q query);

    /** The keys of the parts the query's data is made of, in order. */
    List<String> keys(Q query);

    /**
     * What to ask the source when the parts at these positions of {@link #keys} (ascending, at least
     * one) are missing or expired: the query itself, or a narrower one. It may cover more parts.
     */
    Q missing(Q query, List<Integer> positions);

    /** Fetched data in parts, each under its key with its time to live; covers every key of {@code fetched}. */
    List<Part<P>> parts(Q fetched, T data, Instant fetchedAt);

    /** The query's data from its parts, given in the order of {@link #keys}. */
    T join(Q query, List<P> parts);

    /**
     * Whether the parts go out of date when their tenant's data changes ({@link DataChanges}: the funnel
     * rolled up, Redis back after an outage), so that data fetched while it changed must not be kept.
     * Sources whose data no such change touches (ad spend, per account and day) say no.
     */
    default boolean followsDataChanges() {
        return true;
    }

    /** Runs after a part was stored (e.g. to index its key for invalidation); must not fail. */
    default Mono<Void> stored(long tenantId, String key, Cached<P> entry) {
        return Mono.empty();
    }

    /** One part of fetched data, to be stored under its key, fresh for {@code ttl}. */
    record Part<P>(String key, P value, Duration ttl) {
    }
}
