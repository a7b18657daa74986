package com.funnelgate.gateway.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo data set ({@code funnelgate.demo.*}), generated at start-up when enabled.
 *
 * @param enabled whether to create the demo tenants, keys and events (the {@code demo} profile does)
 * @param events about how many funnel events to generate across all demo tenants
 * @param days how many days of history, ending today
 * @param seed the random seed: the same seed gives the same data
 */
@ConfigurationProperties("funnelgate.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("1000000") long events,
        @DefaultValue("120") int days, @DefaultValue("7") long seed) {
}
