package com.funnelgate.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole gateway on a random port over real HTTP, on the embedded PostgreSQL, with the rollup
 * schedule and the results cache off (so every report reads the store: rollups plus the raw tail). Test classes with this annotation share one application context and database, so
 * each creates its own tenants.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"funnelgate.embedded-postgres.database=funnelgate_http", "funnelgate.cache.enabled=false"})
@ActiveProfiles("test")
public @interface GatewayTest {
}
