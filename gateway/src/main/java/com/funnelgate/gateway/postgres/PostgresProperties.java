package com.funnelgate.gateway.postgres;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection settings of the funnel store beyond Spring Boot's {@code spring.r2dbc.*}
 * ({@code funnelgate.postgres.*}).
 *
 * @param options PostgreSQL run-time parameters set on every connection (e.g. {@code statement_timeout})
 * @param preparedStatementCacheSize statements each connection keeps prepared (bounded: report SQL
 *     varies with granularity, grouping and filters)
 */
@ConfigurationProperties("funnelgate.postgres")
public record PostgresProperties(Map<String, String> options, @DefaultValue("256") int preparedStatementCacheSize) {

    public PostgresProperties {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
