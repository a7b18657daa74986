package com.funnelgate.gateway.report;

import java.time.OffsetDateTime;

/**
 * How one data source answered a report.
 *
 * @param source {@code "funnel"} or {@code "<network>:<account external id>"}
 * @param asOf when the data was fetched from the source
 * @param errorCode why the source is FAILED or STALE, one of the API's error codes
 */
public record SourceStatus(String source, Kind kind, State state, OffsetDateTime asOf, Integer latencyMs,
        String errorCode) {

    /** What sort of source it is. */
    public enum Kind { FUNNEL, AD_NETWORK }

    /** How it answered. */
    public enum State { FRESH, CACHED, STALE, FAILED, SKIPPED }

    public static final String FUNNEL = "funnel";
}
