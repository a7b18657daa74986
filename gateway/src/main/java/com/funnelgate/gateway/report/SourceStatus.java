package com.funnelgate.gateway.report;

import com.funnelgate.gateway.source.SourceState;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How one data source answered a report, as the API shows it.
 *
 * @param source {@code "funnel"} or {@code "<network>:<account external id>"}
 * @param asOf when the data was fetched from the source
 * @param latencyMs how long the source took to answer (or to fail)
 * @param errorCode why the source is FAILED or STALE, one of the API's error codes
 * @param timeZone the zone the source's days are in
 * @param warnings what a reader of the numbers should know (days in another zone, stale data, why skipped)
 */
public record SourceStatus(String source, Kind kind, SourceState state, OffsetDateTime asOf, Integer latencyMs,
        String errorCode, String timeZone, List<String> warnings) {

    /** What sort of source it is. */
    public enum Kind { FUNNEL, AD_NETWORK }

    public static final String FUNNEL = "funnel";

    public SourceStatus {
        warnings = List.copyOf(warnings);
    }
}
