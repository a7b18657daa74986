package com.funnelgate.gateway.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wires the custom scalars into the schema that Spring for GraphQL builds from {@code schema/}. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(Scalars.DATE)
                .scalar(Scalars.DATE_TIME)
                .scalar(Scalars.DECIMAL)
                .scalar(Scalars.LONG);
    }
}
