package com.funnelgate.gateway.persisted;

import org.springframework.beans.factory.annotation.Autowired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Registered APQ documents in Redis, shared by every replica: one key per document
 * ({@code <prefix><sha256>}), written with the TTL. Each command has a short timeout; a failure is logged
 * once, and for a while after it the replica does not try Redis at all (memory only), so an outage costs
 * neither errors nor a timeout per request.
 */
@Component
@Conditional(RedisConfigured.class)
class RedisDocumentStore implements SharedDocumentStore {

    private static final Logger log = LoggerFactory.getLogger(RedisDocumentStore.class);

    private final ReactiveStringRedisTemplate redis;
    private final PersistedProperties.Apq settings;
    private final Clock clock;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

    @Autowired
    RedisDocumentStore(ReactiveStringRedisTemplate redis, PersistedProperties properties) {
        this(redis, properties.apq(), Clock.systemUTC());
    }

    RedisDocumentStore(ReactiveStringRedisTemplate redis, PersistedProperties.Apq settings, Clock clock) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Mono<String> find(String hash) {
        return guarded(redis.opsForValue().get(settings.redisKeyPrefix() + hash), "read");
    }

    @Override
    public Mono<Void> put(String hash, String document) {
        return guarded(redis.opsForValue().set(settings.redisKeyPrefix() + hash, document, settings.ttl()), "write")
                .then();
    }

    private <T> Mono<T> guarded(Mono<T> command, String what) {
        return Mono.defer(() -> {
            if (clock.instant().isBefore(pausedUntil.get())) {
                return Mono.empty();
            }
            return command.timeout(settings.redisTimeout())
                    .doOnSuccess(value -> pausedUntil.set(Instant.MIN))
                    .onErrorResume(error -> pause(what, error));
        });
    }

    private <T> Mono<T> pause(String what, Throwable error) {
        Duration retryAfter = settings.redisRetryAfter();
        Instant previous = pausedUntil.getAndSet(clock.instant().plus(retryAfter));
        if (previous.equals(Instant.MIN)) {
            log.warn("Redis failed a {} of registered APQ documents ({}); using memory only, retrying Redis in {}",
                    what, error.toString(), retryAfter);
        }
        return Mono.empty();
    }
}
