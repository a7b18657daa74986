package com.funnelgate.gateway.postgres;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies {@link PostgresProperties} to the connection factory Spring Boot builds. */
@Configuration(proxyBeanMethods = false)
class PostgresConfig {

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer postgresOptions(PostgresProperties properties) {
        return options -> options
                .option(PostgresqlConnectionFactoryProvider.OPTIONS, properties.options())
                .option(PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES,
                        properties.preparedStatementCacheSize());
    }
}
