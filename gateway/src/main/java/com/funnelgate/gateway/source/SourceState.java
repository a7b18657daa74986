package com.funnelgate.gateway.source;

/** How a source answered, as reports state it in their {@code sources}. */
public enum SourceState {
    /** Fetched from the source for this request (or a concurrent identical one). */
    FRESH,
    /** Served from the cache, still within its time to live. */
    CACHED,
    /** Served from an expired cache entry because the source failed. */
    STALE,
    /** The source did not answer: its data is missing. */
    FAILED,
    /** The source was not asked: it cannot answer this report. */
    SKIPPED
}
