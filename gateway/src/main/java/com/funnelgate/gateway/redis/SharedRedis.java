package com.funnelgate.gateway.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Redis as the gateway uses it: a shared cache that must never fail a request. Every command has a
 * short timeout and runs through the {@code redis} circuit breaker; a failure or timeout answers as
 * "nothing there" (reads) or "done" (writes), the breaker's openings and closings are logged, and while it is
 * open no command is sent at all, so an outage costs neither errors nor a timeout per request. The
 * breaker lets a few commands through after its wait, so the gateway returns to Redis by itself.
 * Keys are prefixed with {@code funnelgate.redis.key-prefix}. Present only when Redis is configured.
 */
@Component
@Conditional(RedisConfigured.class)
public class SharedRedis {

    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

    private final ReactiveRedisTemplate<String, byte[]> bytes;
    private final ReactiveStringRedisTemplate strings;
    private final CircuitBreaker breaker;
    private final Duration timeout;
    private final String prefix;
    private final List<Runnable> recoveries = new CopyOnWriteArrayList<>();

    SharedRedis(ReactiveRedisConnectionFactory connections, ReactiveStringRedisTemplate strings,
            CircuitBreakerRegistry breakers, RedisProperties properties) {
        this.bytes = new ReactiveRedisTemplate<>(connections, RedisSerializationContext
                .<String, byte[]>newSerializationContext(RedisSerializer.string())
                .value(RedisSerializer.byteArray())
                .build());
        this.strings = strings;
        this.breaker = breakers.circuitBreaker("redis");
        this.timeout = properties.timeout();
        this.prefix = properties.keyPrefix();
        breaker.getEventPublisher().onStateTransition(event -> {
            switch (event.getStateTransition().getToState()) {
                case OPEN:
                    log.warn("Redis keeps failing; going on without it (memory only) until it answers again");
                    break;
                case CLOSED:
                    log.info("Redis answers again; using it as the shared cache");
                    recoveries.forEach(Runnable::run);
                    break;
                default:
                    break;
            }
        });
    }

    /** The full key of a gateway key. */
    public String key(String key) {
        return prefix + key;
    }

    public Mono<byte[]> get(String key) {
        return guarded(bytes.opsForValue().get(key(key)), "read");
    }

    /** The values of the keys, in order; a missing one (or all, when Redis fails) is null in the list. */
    public Mono<List<byte[]>> getAll(List<String> keys) {
        if (keys.isEmpty()) {
            return Mono.just(List.of());
        }
        return guarded(bytes.opsForValue().multiGet(keys.stream().map(this::key).toList()), "read");
    }

    public Mono<Void> set(String key, byte[] value, Duration ttl) {
        return guarded(bytes.opsForValue().set(key(key), value, ttl), "write").then();
    }

    public Mono<String> getString(String key) {
        return guarded(strings.opsForValue().get(key(key)), "read");
    }

    public Mono<Void> setString(String key, String value, Duration ttl) {
        return guarded(strings.opsForValue().set(key(key), value, ttl), "write").then();
    }

    public Mono<Void> delete(List<String> keys) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return guarded(bytes.delete(Flux.fromIterable(keys).map(this::key)), "delete").then();
    }

    /**
     * Adds a member to an index (a sorted set) until {@code until}; the index itself lives as long as
     * its latest member.
     */
    public Mono<Void> index(String key, String member, Instant until, Duration ttl) {
        String full = key(key);
        return guarded(strings.opsForZSet().add(full, member, until.getEpochSecond())
                .then(strings.expire(full, ttl)), "write").then();
    }

    /** The members of an index that are not past their time (those are dropped); empty when Redis fails. */
    public Mono<List<String>> indexed(String key, Instant now) {
        String full = key(key);
        return guarded(strings.opsForZSet().removeRangeByScore(full, Range.closed(0.0, (double) now.getEpochSecond()))
                .thenMany(strings.opsForZSet().range(full, Range.unbounded())).collectList(), "read")
                .defaultIfEmpty(List.of());
    }

    public Mono<Void> unindex(String key, List<String> members) {
        if (members.isEmpty()) {
            return Mono.empty();
        }
        return guarded(strings.opsForZSet().remove(key(key), members.toArray()), "write").then();
    }

    /** Runs the action whenever Redis answers again after an outage (the breaker closes). */
    public void onRecovery(Runnable action) {
        recoveries.add(action);
    }

    /** Publishes a message to every replica listening on the channel. */
    public Mono<Void> publish(String channel, String message) {
        return guarded(strings.convertAndSend(key(channel), message), "publish").then();
    }

    /**
     * The messages published on the channel, for as long as the subscription lives. Lettuce
     * re-subscribes after a reconnect; if the subscription itself fails, it is tried again.
     */
    public Flux<String> listen(String channel) {
        return strings.listenToChannel(key(channel))
                .map(ReactiveSubscription.Message::getMessage)
                .doOnError(error -> log.warn("Redis subscription to {} failed ({}); subscribing again", channel,
                        error.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(30)));
    }

    private <T> Mono<T> guarded(Mono<T> command, String what) {
        return command.timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorResume(error -> {
                    log.debug("Redis failed a {}: {}", what, error.toString());
                    return Mono.empty();
                });
    }
}
