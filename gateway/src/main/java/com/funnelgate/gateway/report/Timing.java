package com.funnelgate.gateway.report;

/** Elapsed time for source statuses. */
final class Timing {

    private Timing() {
    }

    static Integer millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
