package com.funnelgate.gateway.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Protections of our own beyond the {@code resilience4j.*} circuit breaker, retry and time limiter
 * settings ({@code funnelgate.resilience.*}).
 *
 * @param accountConcurrency most calls in flight to one ad account at once (ad APIs budget per
 *     account); a call beyond it fails at once as rate limited rather than queueing
 */
@ConfigurationProperties("funnelgate.resilience")
public record ResilienceProperties(@DefaultValue("10") int accountConcurrency) {
}
