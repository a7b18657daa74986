package com.funnelgate.gateway.cache;

/** Where an answer came from, as reports state it in their sources. */
public enum Freshness {
    /** Fetched from the source for this request (or a concurrent identical one). */
    FRESH,
    /** Served from the cache, still within its time to live. */
    CACHED,
    /** Served from an expired cache entry because the source failed. */
    STALE
}
