package com.funnelgate.gateway.graphiql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The GraphiQL page ({@code funnelgate.graphiql.*}).
 *
 * @param enabled whether {@code /graphiql} is served
 * @param headers the request headers the page starts with, as JSON (the demo fills in its viewer key)
 */
@ConfigurationProperties("funnelgate.graphiql")
public record GraphiQlProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("{\"Authorization\": \"Bearer <your API key>\"}") String headers) {
}
