package com.funnelgate.gateway.funnel;

import java.util.List;

/**
 * What one run of the rollup job did.
 *
 * @param leader whether this replica held the database's rollup lock (others skip the run)
 * @param fromXid the watermark before the run
 * @param toXid the watermark after it: every event written by a transaction below it is rolled up
 * @param changed the tenant-days whose rollup rows were rebuilt
 * @param rowsWritten rollup rows written, hourly and daily
 */
public record RollupRun(boolean leader, long fromXid, long toXid, List<TenantDay> changed, long rowsWritten) {

    public RollupRun {
        changed = List.copyOf(changed);
    }

    static RollupRun follower() {
        return new RollupRun(false, 0, 0, List.of(), 0);
    }

    static RollupRun idle(long watermark) {
        return new RollupRun(true, watermark, watermark, List.of(), 0);
    }
}
