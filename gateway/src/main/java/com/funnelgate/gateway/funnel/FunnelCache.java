package com.funnelgate.gateway.funnel;

import com.funnelgate.gateway.cache.Answer;
import com.funnelgate.gateway.cache.CacheCodec;
import com.funnelgate.gateway.cache.CacheMeters;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.CachedSource;
import com.funnelgate.gateway.cache.DataGenerations;
import com.funnelgate.gateway.cache.TieredCache;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.redis.SharedRedis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Funnel results, cached per report shape. A result whose range reaches into the current (open)
 * hour lives briefly; one of closed hours lives long, because when late events change those hours
 * the rollup says so: this replica drops exactly the cached results of the changed tenant-days, tells
 * the other replicas to do the same (Redis pub/sub) and deletes them from Redis (found through a
 * per-tenant index whose members expire with their entries). A result fetched while its tenant's
 * data changed is not stored, and when Redis comes back after an outage (eviction messages may have
 * been lost) a replica forgets its cached results. Each of these moves the tenant's (or every tenant's)
 * {@link DataGenerations} number, before and after dropping the entries, so that whatever was built from
 * the dropped entries (a cached GraphQL answer) is recognisably out of date. Keys carry the tenant and the range in clear, the
 * rest of the shape hashed.
 */
@Component
public class FunnelCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FunnelCache.class);
    private static final String CHANNEL = "funnel-changes";

    private final CachedSource<FunnelSnapshot> source;
    private final CacheProperties properties;
    private final SharedRedis redis;
    private final Clock clock;
    private final DataGenerations generations;
    private volatile Disposable subscription;

    FunnelCache(CacheProperties properties, ObjectProvider<SharedRedis> redis, JsonMapper json, CacheMeters meters,
            Clock clock, DataGenerations generations) {
        this.properties = properties;
        this.generations = generations;
        this.redis = redis.getIfAvailable();
        this.clock = clock;
        CacheCodec<FunnelSnapshot> codec = new CacheCodec<>(json, json.getTypeFactory().constructType(FunnelSnapshot.class));
        this.source = new CachedSource<>(new TieredCache<>("funnel", properties.funnel().maxEntries(), this.redis, codec,
                meters, clock), properties.staleLimit(), clock);
        if (this.redis != null) {
            // Eviction messages sent while Redis was away are lost: forget what this replica holds.
            this.redis.onRecovery(() -> {
                generations.changedAll();
                source.cache().evictLocal(key -> true);
                generations.changedAll();
            });
        }
    }

    /**
     * The report's funnel result: cached, fetched (once for concurrent identical reports), or stale.
     *
     * @param wait how long to wait for a fetch before a stale entry (if any) answers instead
     */
    public Mono<Answer<FunnelResult>> get(ReportQuery query, boolean visitors, Supplier<Mono<FunnelResult>> fetch,
            Duration wait) {
        String key = key(query, visitors);
        long tenantId = query.tenant().id();
        Duration ttl = ttl(query);
        return source.get(tenantId, key, () -> fetch.get().map(FunnelSnapshot::of), ttl,
                        () -> index(tenantId, key, ttl), wait, () -> generations.of(tenantId))
                .map(answer -> new Answer<>(answer.value().toResult(), answer.freshness(), answer.asOf(),
                        answer.freshUntil(), answer.failure()));
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

    String key(ReportQuery query, boolean visitors) {
        String shape = query.zone().getId() + "|" + query.granularity() + "|" + new TreeSet<>(query.groupBy()) + "|"
                + new TreeSet<>(query.filter().networks()) + "|" + new TreeSet<>(query.filter().campaignIds()) + "|"
                + new TreeSet<>(query.filter().siteIds()) + "|" + new TreeSet<>(query.filter().ctaIds()) + "|" + visitors;
        return query.tenant().id() + ":" + query.from() + ":" + query.to() + ":" + sha256(shape);
    }

    private Duration ttl(ReportQuery query) {
        Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        return query.end().isAfter(currentHour) ? properties.funnel().openTtl() : properties.funnel().closedTtl();
    }

    /** Indexes a key stored in Redis under its tenant, until it is gone from Redis. */
    private Mono<Void> index(long tenantId, String key, Duration ttl) {
        Duration life = ttl.plus(properties.staleLimit());
        return redis == null ? Mono.empty()
                : redis.index(indexKey(tenantId), key, clock.instant().plus(life),
                        properties.funnel().closedTtl().plus(properties.staleLimit()));
    }

    private void evictLocal(Map<Long, Set<LocalDate>> days) {
        // First the generation, so that a fetch under way when the data changed is not stored; and again
        // after, so that an answer built from an entry read between the two is not either.
        days.keySet().forEach(generations::changed);
        source.cache().evictLocal(key -> overlaps(key, days));
        days.keySet().forEach(generations::changed);
    }

    private Mono<Void> evictShared(long tenantId, Set<LocalDate> days) {
        Map<Long, Set<LocalDate>> changed = Map.of(tenantId, days);
        return redis.indexed(indexKey(tenantId), clock.instant()).flatMap(keys -> {
            List<String> stale = keys.stream().filter(key -> overlaps(key, changed)).toList();
            return source.cache().evictShared(stale).then(redis.unindex(indexKey(tenantId), stale));
        });
    }

    /** Whether a key's tenant is among the changed ones and its range holds one of their changed days. */
    static boolean overlaps(String key, Map<Long, Set<LocalDate>> changed) {
        String[] parts = key.split(":");
        if (parts.length < 3) {
            return false;
        }
        Set<LocalDate> days = changed.get(Long.parseLong(parts[0]));
        if (days == null) {
            return false;
        }
        LocalDate from = LocalDate.parse(parts[1]);
        LocalDate to = LocalDate.parse(parts[2]);
        return days.stream().anyMatch(day -> !day.isBefore(from) && !day.isAfter(to));
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

    private static String indexKey(long tenantId) {
        return "v" + CacheCodec.VERSION + ":funnel-index:" + tenantId;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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
