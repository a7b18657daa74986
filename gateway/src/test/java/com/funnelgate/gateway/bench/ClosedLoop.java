package com.funnelgate.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends one GraphQL request over and over at a fixed concurrency (a closed loop: each of
 * {@code concurrency} clients sends its next request when the previous answer has arrived) with the
 * JDK's HTTP client, timing each request from send to the last byte of the body. Every answer must
 * be a 200 and pass the run's check: exactly the same body as the first (when the data does not
 * change during a run, which also proves that none carries an error), or a check of its own.
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
        String body = send();
        assertThat(body).as("a report without errors").doesNotContain("\"errors\"");
        return body;
    }

    /** Sends one request and returns the answer's body, which must be a 200. */
    String send() {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("HTTP status").isEqualTo(200);
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
        return run(concurrency, requests, body -> {
            if (!body.equals(expected)) {
                throw new AssertionError("an answer differed from the first: "
                        + body.substring(0, Math.min(body.length(), 600)));
            }
        });
    }

    /**
     * Sends {@code requests} requests, {@code concurrency} at a time; {@code check} is given every
     * answer's body (from several threads at once) and throws if it is wrong.
     */
    Latencies run(int concurrency, int requests, Consumer<String> check) {
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
                        String body = send();
                        nanos[i] = System.nanoTime() - sent;
                        check.accept(body);
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

    /**
     * Sends {@code requests} requests all at once (none waits for another; the HTTP client opens a
     * connection for each) and waits for every answer; each must be a 200 and pass {@code check}.
     */
    Latencies burst(int requests, Consumer<String> check) {
        long[] nanos = new long[requests];
        List<CompletableFuture<Void>> answers = new ArrayList<>(requests);
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            int index = i;
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                nanos[index] = System.nanoTime() - started;
                assertThat(response.statusCode()).as("HTTP status").isEqualTo(200);
                check.accept(response.body());
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        return Latencies.of(requests, nanos, System.nanoTime() - started);
    }
}
