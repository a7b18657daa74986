package com.funnelgate.gateway.query;

/** How report rows are bucketed in time, in the tenant's time zone. */
public enum Granularity {
    /** Local clock hours (an hour period starts where the local minute is zero). */
    HOUR,
    /** Local calendar days (23 or 25 hours on DST change days). */
    DAY,
    /** Weeks starting on Monday. */
    WEEK,
    /** Calendar months. */
    MONTH,
    /** The whole range as one period. */
    TOTAL
}
