package com.funnelgate.gateway.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway uses Redis, beyond Spring Boot's connection settings ({@code funnelgate.redis.*}).
 * Redis is a shared cache here, never a source of truth: a command that takes longer than the
 * timeout, or fails, is answered as a miss, and the {@code redis} circuit breaker then keeps the
 * replica off Redis until it answers again.
 *
 * @param timeout how long one Redis command may take before the replica goes on without it
 * @param keyPrefix prefix of every key the gateway writes (so it can share a Redis with others)
 */
@ConfigurationProperties("funnelgate.redis")
public record RedisProperties(@DefaultValue("200ms") Duration timeout, @DefaultValue("fg:") String keyPrefix) {
}
