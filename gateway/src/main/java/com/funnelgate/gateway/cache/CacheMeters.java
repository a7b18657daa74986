package com.funnelgate.gateway.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Counts cache lookups as {@code funnelgate.cache.lookups} with low-cardinality tags only:
 * {@code tier} (l1, l2, and answers for whole GraphQL answers), {@code source} (funnel, ad; report for
 * answers) and {@code result} (hit, miss, stale).
 * Tenants and accounts never become tags.
 */
@Component
public class CacheMeters {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    public CacheMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String tier, String source, String result) {
        counters.computeIfAbsent(tier + source + result, k -> Counter.builder("funnelgate.cache.lookups")
                .description("Cache lookups by tier, source kind and result")
                .tag("tier", tier).tag("source", source).tag("result", result)
                .register(registry)).increment();
    }
}
