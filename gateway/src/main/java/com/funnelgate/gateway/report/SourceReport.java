package com.funnelgate.gateway.report;

import com.funnelgate.gateway.source.Outcome;
import com.funnelgate.gateway.source.SourceState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * How one named source answered a report, ready for the answer: its {@link SourceStatus}, the
 * {@link SourceFailure} to report next to the data when it failed (else null), and until when the data
 * it gave stays fresh (null: no cache entry vouches for it).
 */
record SourceReport(SourceStatus status, SourceFailure failure, Instant freshUntil) {

    /**
     * @param zone the report's zone, which {@code asOf} is shown in
     * @param dayZone the zone the source's days are in, by name; null when it has none
     * @param warnings what a reader of its numbers should know besides staleness
     * @param what the data it gives, as a failure's message names it ("Funnel metrics")
     */
    static SourceReport of(String source, SourceStatus.Kind kind, Outcome outcome, ZoneId zone, String dayZone,
            List<String> warnings, String what) {
        List<String> notes = new ArrayList<>(warnings);
        if (outcome.state() == SourceState.STALE) {
            notes.add("The source failed (" + outcome.errorCode().name() + "): these " + what.toLowerCase()
                    + " are from the cache, as of " + outcome.asOf() + ".");
        }
        if (outcome.state() == SourceState.SKIPPED) {
            notes.add(outcome.reason());
        }
        SourceStatus status = new SourceStatus(source, kind, outcome.state(),
                outcome.asOf() == null ? null : OffsetDateTime.ofInstant(outcome.asOf(), zone),
                outcome.latency() == null ? null : (int) Math.min(Integer.MAX_VALUE, outcome.latency().toMillis()),
                outcome.errorCode() == null ? null : outcome.errorCode().name(), dayZone, notes);
        SourceFailure failure = outcome.state() != SourceState.FAILED ? null : new SourceFailure(source,
                outcome.errorCode(), source + ": " + outcome.reason() + "; " + what + " from it are missing from this report.");
        return new SourceReport(status, failure, outcome.freshUntil());
    }

    /** A source that failed in a way of its own, with the message to report. */
    static SourceReport failed(SourceStatus status, SourceFailure failure) {
        return new SourceReport(status, failure, null);
    }

    SourceState state() {
        return status.state();
    }
}
