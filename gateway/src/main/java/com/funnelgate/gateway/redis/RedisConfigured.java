package com.funnelgate.gateway.redis;

import java.util.List;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Redis is configured through Spring Boot's standard properties: a host, a URL, cluster nodes
 * or sentinel nodes under {@code spring.data.redis}. Without them the gateway uses no Redis at all.
 */
public class RedisConfigured implements Condition {

    private static final List<String> PROPERTIES = List.of("spring.data.redis.host", "spring.data.redis.url",
            "spring.data.redis.cluster.nodes", "spring.data.redis.sentinel.nodes");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        return PROPERTIES.stream().anyMatch(property -> hasText(environment.getProperty(property)));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
