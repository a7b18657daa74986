package com.funnelgate.gateway.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The statuses of the sources a report asked and the failures among them, collected as they answer.
 */
final class SourceAnswers {

    private final List<SourceStatus> statuses = new ArrayList<>();
    private final List<SourceFailure> failures = new ArrayList<>();

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

    synchronized List<SourceStatus> statuses() {
        return List.copyOf(statuses);
    }

    synchronized List<SourceFailure> failures() {
        return List.copyOf(failures);
    }
}
