package com.funnelgate.gateway.source;

import com.funnelgate.gateway.errors.ErrorCode;
import java.time.Duration;
import java.time.Instant;

/**
 * How a source answered one request.
 *
 * @param errorCode why the source is FAILED, or the failure a STALE answer stands in for; null otherwise
 * @param reason what happened, in words a caller can act on (no source name, no exception text): why it
 *     failed, or why it was skipped; null when it answered
 * @param asOf when the data was fetched from the source (the oldest part, for answers in parts); null
 *     without data
 * @param freshUntil until when the cache entries the data came from (or went into) are fresh, the
 *     earliest for answers in parts: a copy of the data is true only until then; null when no cache
 *     entry vouches for it (fetched with the cache off, or while the data changed)
 * @param latency how long the source took to answer this request (or to fail)
 */
public record Outcome(SourceState state, ErrorCode errorCode, String reason, Instant asOf, Instant freshUntil,
        Duration latency) {

    /** The reason of an answer that did not come within the request's deadline. */
    public static final String TIMED_OUT = "did not answer within the report's deadline";

    public static Outcome fresh(Instant asOf, Instant freshUntil, Duration latency) {
        return new Outcome(SourceState.FRESH, null, null, asOf, freshUntil, latency);
    }

    public static Outcome failed(ErrorCode code, String reason, Duration latency) {
        return new Outcome(SourceState.FAILED, code, reason, null, null, latency);
    }

    public static Outcome skipped(String reason) {
        return new Outcome(SourceState.SKIPPED, null, reason, null, null, null);
    }

    /** The same outcome, as long as this request waited for it. */
    public Outcome withLatency(Duration waited) {
        return new Outcome(state, errorCode, reason, asOf, freshUntil, waited);
    }

    /** Whether data came with it (FRESH, CACHED or STALE). */
    public boolean answered() {
        return state == SourceState.FRESH || state == SourceState.CACHED || state == SourceState.STALE;
    }
}
