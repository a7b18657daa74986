package com.funnelgate.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one GraphQL request over and over at a fixed concurrency (a closed loop: each of
 * {@code concurrency} clients sends its next request when the previous answer has arrived) with the
 * JDK's HTTP client, timing each request from send to the last byte of the body. Every answer must
 * be a 200 with exactly the same body (the data does not change during a run), which also proves
 * that none carries an error.
 */
final class ClosedLoop {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final HttpRequest request;

    ClosedLoop(int port, String apiKey, String body) {
        this.request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Sends one request and returns the answer's body, which must be a 200 without errors. */
    String once() {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("HTTP status").isEqualTo(200);
            assertThat(response.body()).as("a report without errors").doesNotContain("\"errors\"");
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code requests} requests, {@code concurrency} at a time; each answer must equal {@code expected}. */
    Latencies run(int concurrency, int requests, String expected) {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        String body = once();
                        nanos[i] = System.nanoTime() - sent;
                        if (!body.equals(expected)) {
                            throw new AssertionError("request " + i + " answered differently from the first");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return Latencies.of(concurrency, nanos, System.nanoTime() - started);
        } catch (Exception e) {
            throw new IllegalStateException("the load run failed", e);
        } finally {
            clients.shutdownNow();
        }
    }
}
