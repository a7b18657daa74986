package com.funnelgate.gateway.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The warm-up of the report path at start-up ({@code funnelgate.warmup.*}), see {@link RequestPathWarmup}.
 *
 * @param enabled whether readiness waits for the report path to be warmed up
 */
@ConfigurationProperties("funnelgate.warmup")
public record WarmupProperties(@DefaultValue("true") boolean enabled) {
}
