package com.funnelgate.gateway.source;

import com.funnelgate.gateway.errors.ErrorCode;
import java.time.Duration;
import java.time.Instant;

/**
 * What a {@link Source} returns: its data and how it went, in one value.
 *
 * @param value the data; null when the source FAILED or was SKIPPED
 */
public record Sourced<T>(T value, Outcome outcome) {

    public Sourced {
        if ((value != null) != outcome.answered()) {
            throw new IllegalArgumentException("a " + outcome.state() + " answer "
                    + (value == null ? "needs data" : "carries no data"));
        }
    }

    /** Data just fetched from the source. */
    public static <T> Sourced<T> fresh(T value, Instant asOf, Duration latency) {
        return new Sourced<>(value, Outcome.fresh(asOf, null, latency));
    }

    /** No data: the source failed. */
    public static <T> Sourced<T> failed(ErrorCode code, String reason, Duration latency) {
        return new Sourced<>(null, Outcome.failed(code, reason, latency));
    }

    /** No data: the request's deadline came first. */
    public static <T> Sourced<T> timedOut(Duration latency) {
        return failed(ErrorCode.SOURCE_TIMEOUT, Outcome.TIMED_OUT, latency);
    }

    /** No data: the source was not asked, for the given reason. */
    public static <T> Sourced<T> skipped(String reason) {
        return new Sourced<>(null, Outcome.skipped(reason));
    }

    public SourceState state() {
        return outcome.state();
    }

    /** Whether data came with it (FRESH, CACHED or STALE). */
    public boolean answered() {
        return outcome.answered();
    }

    /** The same answer, as long as this request waited for it. */
    public Sourced<T> withLatency(Duration waited) {
        return new Sourced<>(value, outcome.withLatency(waited));
    }
}
