package com.funnelgate.gateway.fx;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The configured {@link FxRates} source. */
@Configuration(proxyBeanMethods = false)
class FxConfig {

    @Bean
    FxRates fxRates(FxProperties properties, DatabaseClient db) {
        return properties.source() == FxProperties.Source.DEMO
                ? new DemoFxRates(properties.maxStaleDays())
                : new DatabaseFxRates(db, properties.maxStaleDays());
    }
}
