package com.funnelgate.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole gateway over real HTTP with the ad-network sandbox standing in for Meta, Google Ads and
 * AdRoll (the real connector code talks to it), no results cache (every report asks every network),
 * exchange rates from the database, and a short
 * request deadline (1.5 s) so that a hanging network costs a test little. Test classes with this
 * annotation share one context; each resets the sandbox and the circuit breakers it disturbs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "funnelgate.embedded-postgres.database=funnelgate_blended",
    "funnelgate.sandbox.enabled=true",
    "funnelgate.report.deadline=1500ms",
    "funnelgate.cache.enabled=false",
    "resilience4j.timelimiter.configs.default.timeout-duration=1s"})
@ActiveProfiles("test")
public @interface SandboxGatewayTest {
}
