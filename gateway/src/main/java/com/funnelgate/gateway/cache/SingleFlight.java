package com.funnelgate.gateway.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Collapses identical concurrent work: while the work for a key is in flight, everyone asking for
 * the same key waits for that one result instead of starting their own. A caller that gives up
 * (cancels) does not cancel the shared work, so the others still get it and it can be cached.
 */
public final class SingleFlight<K, V> {

    private final ConcurrentMap<K, Mono<V>> inFlight = new ConcurrentHashMap<>();

    /** The result of the work for {@code key}, started by the first caller and shared with the rest. */
    public Mono<V> run(K key, Supplier<Mono<V>> work) {
        return Mono.defer(() -> inFlight.computeIfAbsent(key, k -> {
            AtomicReference<Mono<V>> self = new AtomicReference<>();
            Mono<V> shared = Mono.defer(work).doFinally(signal -> inFlight.remove(k, self.get())).cache();
            self.set(shared);
            return shared;
        }));
    }

    /** How many keys have work in flight (for tests and diagnostics). */
    public int inFlight() {
        return inFlight.size();
    }
}
