package com.funnelgate.gateway.support;

import com.funnelgate.gateway.FunnelgateApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts whole gateway instances in the test JVM (profile {@code test}, any free port), for tests
 * that need several replicas sharing a database and a Redis.
 */
public final class Gateways {

    private Gateways() {
    }

    /** A running gateway with the given extra settings ({@code name=value}). */
    public static ConfigurableApplicationContext start(String database, int redisPort, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--funnelgate.embedded-postgres.database=" + database,
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort,
                "--funnelgate.redis.timeout=300ms"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new SpringApplicationBuilder(FunnelgateApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
