package com.funnelgate.gateway.answers;

import com.funnelgate.gateway.cache.CacheMeters;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.DataChanges;
import com.funnelgate.gateway.report.ReportFacts;
import com.funnelgate.gateway.tenancy.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import graphql.ExecutionResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whole GraphQL answers of report operations in this replica's memory (Caffeine, bounded by an estimate
 * of their size), per {@link Key}: the caller (its API key with role and scope, so an answer is never
 * served to another key) and the request (document, operation name, variables). An answer is stored
 * only when its {@link ReportFacts} say it may be replayed, and is served only while it is true: before
 * the earliest end of freshness of the cache entries it was built from (and within
 * {@code funnelgate.cache.answers.max-age}), measured with the injected {@link Clock}, and while none of its
 * tenants' data has changed ({@link DataChanges}) since the {@link DataChanges#mark() mark} taken before
 * the request was executed.
 * Lookups are counted as {@code funnelgate.cache.lookups{tier=answers, source=report}}.
 */
@Component
public class AnswerCache {

    private final Cache<Key, Stored> answers;
    private final DataChanges changes;
    private final CacheMeters meters;
    private final Clock clock;
    private final Duration maxAge;
    private final boolean enabled;

    AnswerCache(CacheProperties properties, DataChanges changes, CacheMeters meters, Clock clock) {
        this.changes = changes;
        this.meters = meters;
        this.clock = clock;
        this.maxAge = properties.answers().maxAge();
        this.enabled = properties.enabled() && properties.answers().enabled();
        this.answers = Caffeine.newBuilder()
                .maximumWeight(properties.answers().maxSize().toBytes())
                .weigher((Key key, Stored stored) -> stored.weight())
                // Memory hygiene only (on the system ticker): whether an answer is still true is decided
                // by validUntil against the injected clock.
                .expireAfter(Expiry.creating((Key key, Stored stored) -> maxAge))
                .build();
    }

    /** Whether answers are cached at all. */
    public boolean enabled() {
        return enabled;
    }

    /** The caller's and request's answer while it is still true; counts a hit (misses: {@link #offer}). */
    public Optional<ExecutionResult> find(Key key) {
        Stored stored = answers.getIfPresent(key);
        if (stored != null && !isCurrent(stored)) {
            answers.asMap().remove(key, stored);
            stored = null;
        }
        if (stored != null) {
            meters.count("answers", "report", "hit");
        }
        return stored == null ? Optional.empty() : Optional.of(stored.result());
    }

    /** The mark to take before a request is executed, to {@link #offer} its answer with. */
    public long mark() {
        return changes.mark();
    }

    /**
     * Keeps an executed answer if it may be replayed: without errors, its data made only of report fields
     * whose facts say every source was CACHED or SKIPPED, and still true now. Counts a miss: only
     * requests that ran report fields are offered.
     *
     * @param mark the {@link #mark()} taken before the request was executed
     * @return whether it was stored
     */
    public boolean offer(Key key, ExecutionResult result, ReportFacts facts, long mark) {
        meters.count("answers", "report", "miss");
        if (facts == null || !facts.replayable() || !result.getErrors().isEmpty()
                || !(result.getData() instanceof Map<?, ?> data) || data.size() != facts.fields()) {
            return false;
        }
        Instant now = clock.instant();
        Instant validUntil = now.plus(maxAge);
        if (facts.freshUntil() != null && facts.freshUntil().isBefore(validUntil)) {
            validUntil = facts.freshUntil();
        }
        Stored stored = new Stored(result, facts.tenants(), mark, validUntil, weight(key, data));
        if (!isCurrent(stored)) {
            return false;
        }
        answers.put(key, stored);
        return true;
    }

    private boolean isCurrent(Stored stored) {
        if (!clock.instant().isBefore(stored.validUntil())) {
            return false;
        }
        for (long tenant : stored.tenants()) {
            if (changes.changedSince(tenant, stored.mark())) {
                return false;
            }
        }
        return true;
    }

    /** A rough size in bytes of the key and the answer's data, for the memory bound. */
    static int weight(Key key, Object data) {
        long bytes = 64L + 2L * key.document().length() + size(key.variables()) + size(data);
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long size(Object value) {
        if (value instanceof Map<?, ?> map) {
            long bytes = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += 32 + size(entry.getKey()) + size(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof List<?> list) {
            long bytes = 24 + 8L * list.size();
            for (Object item : list) {
                bytes += size(item);
            }
            return bytes;
        }
        if (value instanceof CharSequence text) {
            return 40 + 2L * text.length();
        }
        return 24;
    }

    /**
     * Who asked what: the caller (key, role and tenants in scope), the document text as executed (after
     * persisted-query resolution), the operation name and the variables (compared as maps, so their order
     * does not matter).
     */
    public record Key(Caller caller, String document, String operationName, Map<String, Object> variables) {

        public Key {
            operationName = operationName == null || operationName.isEmpty() ? null : operationName;
            variables = variables == null ? Map.of() : variables;
        }
    }

    private record Stored(ExecutionResult result, Set<Long> tenants, long mark, Instant validUntil, int weight) {
    }
}
