package com.funnelgate.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Funnelgate: a reactive GraphQL reporting gateway that joins ad spend with funnel metrics.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FunnelgateApplication {

    public static void main(String[] args) {
        SpringApplication.run(FunnelgateApplication.class, args);
    }
}
