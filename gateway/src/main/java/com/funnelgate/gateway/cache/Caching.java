package com.funnelgate.gateway.cache;

import com.funnelgate.gateway.source.Source;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Puts a source behind the results cache: the decorator applied, where the application is wired, to
 * every source whose data is cached ({@link CachedSource}), with the stale limit and fetch budget of
 * {@code funnelgate.cache.*}. With the cache off it is simply not applied.
 */
@Component
public class Caching {

    private final CacheProperties properties;
    private final DataChanges changes;
    private final Clock clock;

    public Caching(CacheProperties properties, DataChanges changes, Clock clock) {
        this.properties = properties;
        this.changes = changes;
        this.clock = clock;
    }

    /** The source, answering from the cache where it can as the policy says. */
    public <Q, T, P> Source<Q, T> decorate(Source<Q, T> source, CachePolicy<Q, T, P> policy) {
        return new CachedSource<>(source, policy, properties.staleLimit(), properties.fetchBudget(), changes, clock);
    }
}
