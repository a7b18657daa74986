package com.funnelgate.gateway.persisted;

import reactor.core.publisher.Mono;

/**
 * The tier of registered APQ documents that every replica shares (Redis). Implementations never fail:
 * when the store cannot answer, {@link #find} completes empty and {@link #put} completes, and the
 * replica goes on with what it has in memory.
 */
interface SharedDocumentStore {

    /** The document registered under this hash, or empty (also when the store is unavailable). */
    Mono<String> find(String hash);

    /** Registers a document under its hash, with the store's time to live. */
    Mono<Void> put(String hash, String document);
}
