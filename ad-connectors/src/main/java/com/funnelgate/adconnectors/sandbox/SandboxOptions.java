package com.funnelgate.adconnectors.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How to start an {@link AdNetworkSandbox}.
 *
 * @param host                   interface to bind, normally {@code 127.0.0.1}
 * @param port                   port to bind; 0 picks a free one
 * @param googlePageSize         rows per Google {@code search} page and {@code searchStream} batch
 *                               (Google's own is 10,000)
 * @param metaDefaultPageSize    Meta Insights rows per page when the request gives no {@code limit}
 * @param metaPollsUntilComplete status polls a Meta report run answers "Job Running" before
 *                               "Job Completed"
 * @param throttleRetryAfter     the wait announced by {@link SandboxFault#THROTTLE} answers (Meta
 *                               rounds it up to whole minutes)
 */
public record SandboxOptions(String host, int port, int googlePageSize, int metaDefaultPageSize,
                             int metaPollsUntilComplete, Duration throttleRetryAfter) {

    public SandboxOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(throttleRetryAfter, "throttleRetryAfter");
        if (port < 0 || googlePageSize < 1 || metaDefaultPageSize < 1 || metaPollsUntilComplete < 0) {
            throw new IllegalArgumentException("invalid sandbox options");
        }
    }

    /** Loopback, a free port, Google's page size, Meta's default limit of 25, one running poll, 60 s waits. */
    public static SandboxOptions defaults() {
        return new SandboxOptions("127.0.0.1", 0, 10_000, 25, 1, Duration.ofSeconds(60));
    }

    public SandboxOptions withPort(int value) {
        return new SandboxOptions(host, value, googlePageSize, metaDefaultPageSize, metaPollsUntilComplete,
                throttleRetryAfter);
    }

    public SandboxOptions withGooglePageSize(int value) {
        return new SandboxOptions(host, port, value, metaDefaultPageSize, metaPollsUntilComplete, throttleRetryAfter);
    }

    public SandboxOptions withMetaDefaultPageSize(int value) {
        return new SandboxOptions(host, port, googlePageSize, value, metaPollsUntilComplete, throttleRetryAfter);
    }

    public SandboxOptions withMetaPollsUntilComplete(int value) {
        return new SandboxOptions(host, port, googlePageSize, metaDefaultPageSize, value, throttleRetryAfter);
    }

    public SandboxOptions withThrottleRetryAfter(Duration value) {
        return new SandboxOptions(host, port, googlePageSize, metaDefaultPageSize, metaPollsUntilComplete, value);
    }
}
