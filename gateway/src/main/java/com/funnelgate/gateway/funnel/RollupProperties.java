package com.funnelgate.gateway.funnel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rollup job ({@code funnelgate.rollup.*}).
 *
 * @param enabled whether this replica runs the job on a schedule (one leader per database runs it)
 * @param interval time between runs; reports stay exact in between, the tail is just read raw
 */
@ConfigurationProperties("funnelgate.rollup")
public record RollupProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration interval) {
}
