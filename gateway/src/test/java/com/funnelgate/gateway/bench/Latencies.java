package com.funnelgate.gateway.bench;

import java.util.Arrays;
import java.util.Locale;

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

    /** This run and {@code other} (at the same concurrency) as one: all latencies, both wall times. */
    Latencies plus(Latencies other) {
        long[] both = Arrays.copyOf(sortedNanos, sortedNanos.length + other.sortedNanos.length);
        System.arraycopy(other.sortedNanos, 0, both, sortedNanos.length, other.sortedNanos.length);
        return of(concurrency, both, wallNanos + other.wallNanos);
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

    /** The column headings of {@link #row}, the first named {@code what}. */
    static String header(String what) {
        return String.format(Locale.ROOT, "  %-12s %11s %8s %8s %8s %8s %8s %8s %9s", what, "concurrency", "requests",
                "mean ms", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s");
    }

    /** One line of figures under {@link #header}. */
    String row(String name) {
        return String.format(Locale.ROOT, "  %-12s %11d %8d %8.1f %8.1f %8.1f %8.1f %8.1f %9.1f", name, concurrency,
                requests(), meanMillis(), percentileMillis(0.50), percentileMillis(0.95), percentileMillis(0.99),
                maxMillis(), throughput());
    }
}
