package com.funnelgate.gateway.persisted;

import com.funnelgate.gateway.redis.RedisConfigured;
import com.funnelgate.gateway.redis.SharedRedis;
import java.time.Duration;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Registered APQ documents in Redis, shared by every replica: one key per document
 * ({@code apq:<sha256>}), written with the TTL. {@link SharedRedis} keeps an outage from costing
 * errors or a timeout per request: the replica goes on with the documents it has in memory.
 */
@Component
@Conditional(RedisConfigured.class)
class RedisDocumentStore implements SharedDocumentStore {

    private static final String PREFIX = "apq:";

    private final SharedRedis redis;
    private final Duration ttl;

    RedisDocumentStore(SharedRedis redis, PersistedProperties properties) {
        this.redis = redis;
        this.ttl = properties.apq().ttl();
    }

    @Override
    public Mono<String> find(String hash) {
        return redis.getString(PREFIX + hash);
    }

    @Override
    public Mono<Void> put(String hash, String document) {
        return redis.setString(PREFIX + hash, document, ttl);
    }
}
