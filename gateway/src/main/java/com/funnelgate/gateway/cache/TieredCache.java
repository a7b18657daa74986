package com.funnelgate.gateway.cache;

import com.funnelgate.gateway.redis.SharedRedis;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * One kind of cached value in two tiers: Caffeine in this replica (L1, bounded) in front of Redis
 * (L2, shared by the replicas; absent when Redis is not configured). Entries live until they are no
 * longer servable even as stale; whether one is fresh is for the caller to ask. An L2 hit is copied
 * into L1. A value is only ever returned for the tenant it was stored for, and Redis trouble only
 * ever makes a lookup a miss.
 */
public final class TieredCache<V> {

    private final String source;
    private final Cache<String, Cached<V>> local;
    private final SharedRedis shared;
    private final CacheCodec<V> codec;
    private final CacheMeters meters;
    private final Clock clock;

    /**
     * @param source the source kind this caches ({@code funnel}, {@code ad}): the metrics tag and the
     *     first part of every key
     * @param shared Redis, or null for L1 only
     */
    public TieredCache(String source, long maxEntries, SharedRedis shared, CacheCodec<V> codec, CacheMeters meters,
            Clock clock) {
        this.source = source;
        this.shared = shared;
        this.codec = codec;
        this.meters = meters;
        this.clock = clock;
        this.local = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilStale<V>(clock))
                .build();
    }

    /** The entry stored under the key for the tenant, if it is still servable (fresh or stale). */
    public Mono<Optional<Cached<V>>> get(long tenantId, String key) {
        return getAll(tenantId, List.of(key)).map(found -> Optional.ofNullable(found.get(0)));
    }

    /** The entries stored under the keys for the tenant, in order; null where there is none. */
    public Mono<List<Cached<V>>> getAll(long tenantId, List<String> keys) {
        Instant now = clock.instant();
        List<Cached<V>> found = new ArrayList<>(keys.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Cached<V> entry = usable(local.getIfPresent(fullKey(keys.get(i))), tenantId, now);
            found.add(entry);
            if (entry == null) {
                missing.add(i);
            }
            meters.count("l1", source, entry == null ? "miss" : entry.freshAt(now) ? "hit" : "stale");
        }
        if (missing.isEmpty() || shared == null) {
            return Mono.just(found);
        }
        List<String> sharedKeys = missing.stream().map(i -> fullKey(keys.get(i))).toList();
        return shared.getAll(sharedKeys).defaultIfEmpty(List.of()).map(values -> {
            for (int j = 0; j < missing.size(); j++) {
                byte[] bytes = j < values.size() ? values.get(j) : null;
                Cached<V> entry = bytes == null ? null : usable(codec.decode(bytes), tenantId, now);
                meters.count("l2", source, entry == null ? "miss" : entry.freshAt(now) ? "hit" : "stale");
                if (entry != null) {
                    local.put(sharedKeys.get(j), entry);
                    found.set(missing.get(j), entry);
                }
            }
            return found;
        });
    }

    /** Stores an entry in both tiers (Redis until it is no longer servable); never fails. */
    public Mono<Void> put(String key, Cached<V> entry) {
        String full = fullKey(key);
        local.put(full, entry);
        if (shared == null) {
            return Mono.empty();
        }
        Duration ttl = Duration.between(clock.instant(), entry.staleUntil());
        return ttl.isNegative() || ttl.isZero() ? Mono.empty() : shared.set(full, codec.encode(entry), ttl);
    }

    /** Drops the entries under the keys from both tiers (Redis failures only make it a no-op there). */
    public Mono<Void> remove(List<String> keys) {
        keys.forEach(key -> local.invalidate(fullKey(key)));
        return evictShared(keys);
    }

    /** Drops this replica's entries whose keys (as given to {@link #put}) match. */
    public void evictLocal(Predicate<String> keys) {
        String prefix = fullKey("");
        local.asMap().keySet().removeIf(full -> full.startsWith(prefix) && keys.test(full.substring(prefix.length())));
    }

    /** Drops the entries from Redis (other replicas evict their own L1 when told). */
    public Mono<Void> evictShared(List<String> keys) {
        return shared == null ? Mono.empty() : shared.delete(keys.stream().map(this::fullKey).toList());
    }

    /** Whether a shared tier (Redis) is behind this cache. */
    public boolean isShared() {
        return shared != null;
    }

    private String fullKey(String key) {
        return "v" + CacheCodec.VERSION + ":" + source + ":" + key;
    }

    private static <V> Cached<V> usable(Cached<V> entry, long tenantId, Instant now) {
        return entry != null && entry.tenantId() == tenantId && entry.servableAt(now) ? entry : null;
    }

    /** Caffeine keeps an entry until it is no longer servable, even as stale. */
    private static final class UntilStale<V> implements Expiry<String, Cached<V>> {
        private final Clock clock;

        UntilStale(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long expireAfterCreate(String key, Cached<V> entry, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), entry.staleUntil()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Cached<V> entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Cached<V> entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
