package com.funnelgate.gateway.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce set up for a cache that must never hold requests up: while disconnected, commands fail at
 * once instead of queueing until Redis returns, and reconnect attempts come at most two seconds
 * apart, so the gateway is back on Redis soon after Redis is back.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfig {

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    ClientResourcesBuilderCustomizer reconnectSoon() {
        return resources -> resources.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2),
                2, TimeUnit.MILLISECONDS));
    }
}
