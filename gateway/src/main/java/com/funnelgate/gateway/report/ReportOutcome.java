package com.funnelgate.gateway.report;

import java.util.List;

/**
 * A report, the sources that failed it (their metrics are null in the report), and what a cache of whole
 * answers needs to know about it.
 */
public record ReportOutcome(Report report, List<SourceFailure> failures, ReportFacts facts) {

    public ReportOutcome {
        failures = List.copyOf(failures);
    }
}
