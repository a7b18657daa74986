package com.funnelgate.gateway.funnel;

import com.funnelgate.gateway.cache.CacheCodec;
import com.funnelgate.gateway.cache.CacheMeters;
import com.funnelgate.gateway.cache.CachePolicy;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.Cached;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * How funnel results are cached: one entry per report shape, keyed by the tenant and the range in
 * clear and the rest of the shape hashed. A result whose range reaches into the current (open) hour
 * lives briefly; one of closed hours lives long, because when late events change those hours the
 * rollup says so and {@link FunnelCache} drops the entries over the changed days. Each key stored in
 * Redis is indexed under its tenant (members expire with their entries), so that they can be found.
 */
@Component
public class FunnelCachePolicy implements CachePolicy<FunnelQuery, FunnelResult, FunnelSnapshot> {

    private final TieredCache<FunnelSnapshot> cache;
    private final CacheProperties properties;
    private final SharedRedis redis;

    FunnelCachePolicy(CacheProperties properties, ObjectProvider<SharedRedis> redis, JsonMapper json,
            CacheMeters meters, Clock clock) {
        this.properties = properties;
        this.redis = redis.getIfAvailable();
        CacheCodec<FunnelSnapshot> codec = new CacheCodec<>(json, json.getTypeFactory().constructType(FunnelSnapshot.class));
        this.cache = new TieredCache<>("funnel", properties.funnel().maxEntries(), this.redis, codec, meters, clock);
    }

    @Override
    public TieredCache<FunnelSnapshot> cache() {
        return cache;
    }

    @Override
    public long tenantId(FunnelQuery query) {
        return query.tenantId();
    }

    @Override
    public List<String> keys(FunnelQuery query) {
        return List.of(key(query));
    }

    @Override
    public FunnelQuery missing(FunnelQuery query, List<Integer> positions) {
        return query;
    }

    @Override
    public List<Part<FunnelSnapshot>> parts(FunnelQuery fetched, FunnelResult data, Instant fetchedAt) {
        return List.of(new Part<>(key(fetched), FunnelSnapshot.of(data), ttl(fetched.report(), fetchedAt)));
    }

    @Override
    public FunnelResult join(FunnelQuery query, List<FunnelSnapshot> parts) {
        return parts.get(0).toResult();
    }

    @Override
    public Mono<Void> stored(long tenantId, String key, Cached<FunnelSnapshot> entry) {
        return redis == null ? Mono.empty()
                : redis.index(indexKey(tenantId), key, entry.staleUntil(),
                        properties.funnel().closedTtl().plus(properties.staleLimit()));
    }

    static String key(FunnelQuery query) {
        ReportQuery report = query.report();
        String shape = report.zone().getId() + "|" + report.granularity() + "|" + new TreeSet<>(report.groupBy()) + "|"
                + new TreeSet<>(report.filter().networks()) + "|" + new TreeSet<>(report.filter().campaignIds()) + "|"
                + new TreeSet<>(report.filter().siteIds()) + "|" + new TreeSet<>(report.filter().ctaIds()) + "|"
                + query.visitors();
        return query.tenantId() + ":" + report.from() + ":" + report.to() + ":" + sha256(shape);
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

    /** The Redis set indexing the tenant's keys in Redis. */
    static String indexKey(long tenantId) {
        return "v" + CacheCodec.VERSION + ":funnel-index:" + tenantId;
    }

    private Duration ttl(ReportQuery query, Instant fetchedAt) {
        Instant currentHour = fetchedAt.truncatedTo(ChronoUnit.HOURS);
        return query.end().isAfter(currentHour) ? properties.funnel().openTtl() : properties.funnel().closedTtl();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
