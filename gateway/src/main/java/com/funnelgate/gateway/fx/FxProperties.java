package com.funnelgate.gateway.fx;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where exchange rates come from ({@code funnelgate.fx.*}).
 *
 * @param source DATABASE: the {@code fx_rates} table, loaded by operators; DEMO: deterministic
 *     made-up daily rates for the demo and the sandbox (never for real money)
 * @param maxStaleDays a day without its own rate (weekends, holidays) uses the latest rate at most
 *     this many days older; beyond that the rate is missing and the spend it would convert is null
 */
@ConfigurationProperties("funnelgate.fx")
public record FxProperties(@DefaultValue("DATABASE") Source source, @DefaultValue("4") int maxStaleDays) {

    /** The kinds of rate source. */
    public enum Source { DATABASE, DEMO }
}
