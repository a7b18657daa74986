package com.funnelgate.gateway.bench;

import java.util.Arrays;

/**
 * What one measured run of requests took: every request's latency (sorted) and the wall time of
 * the whole run, at a fixed concurrency.
 */
record Latencies(int concurrency, long[] sortedNanos, long wallNanos) {

    static Latencies of(int concurrency, long[] nanos, long wallNanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(concurrency, sorted, wallNanos);
    }

    int requests() {
        return sortedNanos.length;
    }

    /** The latency at quantile {@code q} (nearest rank), in milliseconds. */
    double percentileMillis(double q) {
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    double maxMillis() {
        return sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    double meanMillis() {
        return Arrays.stream(sortedNanos).average().orElse(0) / 1e6;
    }

    /** Completed requests per second of wall time. */
    double throughput() {
        return sortedNanos.length / (wallNanos / 1e9);
    }
}
