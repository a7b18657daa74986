package com.funnelgate.gateway.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The statuses of the sources a report asked and the failures among them, collected as they answer, and
 * the earliest end of freshness of the cache entries their answers came from.
 */
final class SourceAnswers {

    private final List<SourceStatus> statuses = new ArrayList<>();
    private final List<SourceFailure> failures = new ArrayList<>();
    private Instant freshUntil;
    private boolean unbounded;

    synchronized void add(SourceStatus status) {
        statuses.add(status);
    }

    synchronized void fail(SourceStatus status, SourceFailure failure) {
        statuses.add(status);
        failures.add(failure);
    }

    synchronized void fail(SourceFailure failure) {
        failures.add(failure);
    }

    /** An answer came from (or went into) a cache entry fresh until then; null: from none. */
    synchronized void freshUntil(Instant until) {
        if (until == null) {
            unbounded = true;
        } else if (freshUntil == null || until.isBefore(freshUntil)) {
            freshUntil = until;
        }
    }

    /** The earliest end of freshness of the entries answers came from; null if none did. */
    synchronized Instant freshUntil() {
        return freshUntil;
    }

    /** Whether an answer came from no cache entry (so its end of freshness is unknown). */
    synchronized boolean unbounded() {
        return unbounded;
    }

    synchronized List<SourceStatus> statuses() {
        return List.copyOf(statuses);
    }

    synchronized List<SourceFailure> failures() {
        return List.copyOf(failures);
    }
}
