package com.funnelgate.gateway.source;

import java.time.Duration;

/**
 * Measures a source's latency on Reactor's clock, like {@link Deadline} (tests on virtual time see
 * virtual latencies).
 */
public final class Stopwatch {

    private final long startedMillis;

    private Stopwatch(long startedMillis) {
        this.startedMillis = startedMillis;
    }

    public static Stopwatch start() {
        return new Stopwatch(Deadline.now());
    }

    public Duration elapsed() {
        return Duration.ofMillis(Math.max(0, Deadline.now() - startedMillis));
    }
}
