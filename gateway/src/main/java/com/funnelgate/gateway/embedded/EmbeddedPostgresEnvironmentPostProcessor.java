package com.funnelgate.gateway.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When {@code funnelgate.embedded-postgres.enabled} is true (the demo profile, the tests), starts an
 * embedded PostgreSQL before the application context is built and points R2DBC and Flyway at it,
 * so nothing but a JDK is needed to run the gateway. Settings:
 * {@code funnelgate.embedded-postgres.database} (default {@code funnelgate}),
 * {@code .port} (default 0: any free port) and {@code .settings.*} (postgresql.conf entries).
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String PREFIX = "funnelgate.embedded-postgres.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(PREFIX + "enabled", Boolean.class, false)) {
            return;
        }
        String database = environment.getProperty(PREFIX + "database", "funnelgate");
        int requestedPort = environment.getProperty(PREFIX + "port", Integer.class, 0);
        Map<String, String> settings = Binder.get(environment)
                .bind(PREFIX + "settings", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        int port = EmbeddedPostgresServer.start(requestedPort, settings);
        EmbeddedPostgresServer.ensureDatabase(database);

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/" + database);
        properties.put("spring.r2dbc.username", EmbeddedPostgresServer.USER);
        properties.put("spring.r2dbc.password", "");
        properties.put("spring.flyway.url", "jdbc:postgresql://localhost:" + port + "/" + database);
        properties.put("spring.flyway.user", EmbeddedPostgresServer.USER);
        properties.put("spring.flyway.password", "");
        properties.put(PREFIX + "actual-port", port);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }
}
