package com.funnelgate.gateway.report;

import java.util.List;

/** A report and the sources that failed it (their metrics are null in the report). */
public record ReportOutcome(Report report, List<SourceFailure> failures) {

    public ReportOutcome {
        failures = List.copyOf(failures);
    }
}
