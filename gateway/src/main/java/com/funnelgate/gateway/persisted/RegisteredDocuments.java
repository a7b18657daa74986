package com.funnelgate.gateway.persisted;

import org.springframework.beans.factory.annotation.Autowired;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Documents registered by APQ ({@code sha256Hash} + query): in memory (L1, bounded by total text size,
 * entries expire when unused for the TTL) in front of the shared store (L2, Redis, when configured), so a
 * document registered on one replica runs by its hash alone on every replica. Without a shared store, each
 * replica knows what was registered with it, and Apollo clients re-register where needed.
 */
@Component
class RegisteredDocuments {

    private final Cache<String, String> memory;
    private final Optional<SharedDocumentStore> shared;

    @Autowired
    RegisteredDocuments(PersistedProperties properties, ObjectProvider<SharedDocumentStore> shared) {
        this(properties.apq(), Optional.ofNullable(shared.getIfAvailable()));
    }

    RegisteredDocuments(PersistedProperties.Apq apq, Optional<SharedDocumentStore> shared) {
        this.memory = Caffeine.newBuilder()
                .maximumWeight(apq.memory().toBytes())
                .weigher((String hash, String document) -> hash.length() + document.length())
                .expireAfterAccess(apq.ttl())
                .build();
        this.shared = shared;
    }

    /** The document registered under this hash, from memory or else from the shared store; empty if none. */
    Mono<String> find(String hash) {
        String local = memory.getIfPresent(hash);
        if (local != null) {
            return Mono.just(local);
        }
        return shared.map(store -> store.find(hash).doOnNext(document -> memory.put(hash, document)))
                .orElse(Mono.empty());
    }

    /** Registers a document (whose hash the caller has checked) in memory and in the shared store. */
    Mono<Void> register(String hash, String document) {
        memory.put(hash, document);
        return shared.map(store -> store.put(hash, document)).orElse(Mono.empty());
    }
}
