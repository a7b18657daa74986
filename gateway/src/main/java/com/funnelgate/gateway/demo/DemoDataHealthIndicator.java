package com.funnelgate.gateway.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Out of service until the demo data is loaded; part of the readiness group in the demo profile. */
@Component("demoData")
@ConditionalOnBooleanProperty("funnelgate.demo.enabled")
class DemoDataHealthIndicator implements HealthIndicator {

    private final DemoLoader loader;

    DemoDataHealthIndicator(DemoLoader loader) {
        this.loader = loader;
    }

    @Override
    public Health health() {
        return loader.isLoaded() ? Health.up().build() : Health.outOfService().withDetail("demoData", "loading").build();
    }
}
