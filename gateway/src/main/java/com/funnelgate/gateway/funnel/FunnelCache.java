package com.funnelgate.gateway.funnel;

import com.funnelgate.gateway.cache.DataChanges;
import com.funnelgate.gateway.cache.TieredCache;
import com.funnelgate.gateway.redis.SharedRedis;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps cached funnel results ({@link FunnelCachePolicy}) true as the data changes. When the rollup
 * changes tenant-days, this replica drops exactly the cached results over them, tells the other
 * replicas to do the same (Redis pub/sub) and deletes them from Redis (found through the per-tenant
 * index). When Redis comes back after an outage (eviction messages may have been lost) a replica
 * forgets its cached results. Each of these is a {@link DataChanges} change of the tenant (or of every
 * tenant), before and after dropping the entries, so that whatever was built from them (a cached
 * GraphQL answer, an entry being stored meanwhile) is recognisably out of date.
 */
@Component
public class FunnelCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FunnelCache.class);
    private static final String CHANNEL = "funnel-changes";

    private final TieredCache<FunnelSnapshot> cache;
    private final SharedRedis redis;
    private final Clock clock;
    private final DataChanges changes;
    private volatile Disposable subscription;

    FunnelCache(FunnelCachePolicy policy, ObjectProvider<SharedRedis> redis, Clock clock, DataChanges changes) {
        this.cache = policy.cache();
        this.redis = redis.getIfAvailable();
        this.clock = clock;
        this.changes = changes;
        if (this.redis != null) {
            // Eviction messages sent while Redis was away are lost: forget what this replica holds.
            this.redis.onRecovery(() -> {
                changes.changedAll();
                cache.evictLocal(key -> true);
                changes.changedAll();
            });
        }
    }

    /**
     * Drops the cached results over changed tenant-days: from this replica's memory at once, from
     * Redis and on the other replicas by the time the returned Mono completes (Redis failures are
     * only logged: they never fail it).
     */
    public Mono<Void> onChanged(FunnelDataChanged changed) {
        Map<Long, Set<LocalDate>> days = byTenant(changed);
        if (days.isEmpty()) {
            return Mono.empty();
        }
        evictLocal(days);
        if (redis == null) {
            return Mono.empty();
        }
        String message = changed.days().stream().map(day -> day.tenantId() + ":" + day.day())
                .collect(Collectors.joining(","));
        return Flux.fromIterable(days.entrySet())
                .concatMap(tenant -> evictShared(tenant.getKey(), tenant.getValue()))
                // An entry read from Redis before it was deleted there may have come back into this
                // replica's memory (and into answers built from it): drop it (and them) again.
                .then(Mono.fromRunnable(() -> evictLocal(days)))
                .then(redis.publish(CHANNEL, message));
    }

    private void evictLocal(Map<Long, Set<LocalDate>> days) {
        // A change first, so that a fetch under way when the data changed is not kept; and again after,
        // so that an answer built from an entry read between the two is not either.
        days.keySet().forEach(changes::changed);
        cache.evictLocal(key -> FunnelCachePolicy.overlaps(key, days));
        days.keySet().forEach(changes::changed);
    }

    private Mono<Void> evictShared(long tenantId, Set<LocalDate> days) {
        Map<Long, Set<LocalDate>> changed = Map.of(tenantId, days);
        String index = FunnelCachePolicy.indexKey(tenantId);
        return redis.indexed(index, clock.instant()).flatMap(keys -> {
            List<String> stale = keys.stream().filter(key -> FunnelCachePolicy.overlaps(key, changed)).toList();
            return cache.evictShared(stale).then(redis.unindex(index, stale));
        });
    }

    private static Map<Long, Set<LocalDate>> byTenant(FunnelDataChanged changed) {
        return changed.days().stream().collect(Collectors.groupingBy(TenantDay::tenantId,
                Collectors.mapping(TenantDay::day, Collectors.toSet())));
    }

    /** Another replica's (or this one's) message: tenant-days as {@code tenant:day,tenant:day}. */
    static FunnelDataChanged parse(String message) {
        List<TenantDay> days = new ArrayList<>();
        for (String item : message.split(",")) {
            int colon = item.indexOf(':');
            if (colon > 0) {
                try {
                    days.add(new TenantDay(Long.parseLong(item.substring(0, colon)),
                            LocalDate.parse(item.substring(colon + 1))));
                } catch (RuntimeException e) {
                    log.warn("Ignoring a malformed funnel-change item: {}", item);
                }
            }
        }
        return new FunnelDataChanged(days);
    }

    @Override
    public void start() {
        if (redis != null) {
            subscription = redis.listen(CHANNEL).map(FunnelCache::parse)
                    .subscribe(changed -> evictLocal(byTenant(changed)));
        }
    }

    @Override
    public void stop() {
        Disposable listening = subscription;
        if (listening != null) {
            listening.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return redis == null || subscription != null;
    }
}
