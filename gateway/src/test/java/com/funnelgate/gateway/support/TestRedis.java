package com.funnelgate.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/**
 * A real redis-server (the binary inside the embedded-redis artifact) that a test starts, stops
 * mid-test to play an outage, and starts again on the same port. No persistence.
 */
public final class TestRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    private TestRedis(int port) {
        this.port = port;
    }

    /** A started server on a free port. */
    public static TestRedis start() {
        TestRedis redis = new TestRedis(freePort());
        redis.up();
        // A server left running would outlive the test JVM.
        Runtime.getRuntime().addShutdownHook(new Thread(redis::down));
        return redis;
    }

    public int port() {
        return port;
    }

    /** Points the gateway under test at this server (from a {@code @DynamicPropertySource} method). */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", this::port);
    }

    /** Starts the server (again), unless it is running. */
    public synchronized void up() {
        if (server != null && server.isActive()) {
            return;
        }
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server, as an outage would. */
    public synchronized void down() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        down();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
