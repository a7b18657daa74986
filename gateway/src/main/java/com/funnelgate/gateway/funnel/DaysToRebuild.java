package com.funnelgate.gateway.funnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive local days of one tenant whose rollup rows a run rebuilds together, from the first
 * instant of {@code first} to the last of {@code last} in the tenant's zone.
 *
 * @param bucketMinutes width of the tenant's rollup buckets
 */
record DaysToRebuild(long tenantId, ZoneId zone, short bucketMinutes, LocalDate first, LocalDate last) {

    /** One day. */
    static DaysToRebuild of(long tenantId, ZoneId zone, short bucketMinutes, LocalDate day) {
        return new DaysToRebuild(tenantId, zone, bucketMinutes, day, day);
    }

    /**
     * Groups days, ordered by tenant then day, into runs of consecutive days of one tenant, at most
     * {@code maxDays} long: a catch-up over months becomes a few statements per week of each tenant,
     * while a batch stays small enough to hold in memory.
     */
    static List<DaysToRebuild> batches(List<DaysToRebuild> days, int maxDays) {
        List<DaysToRebuild> batches = new ArrayList<>();
        for (DaysToRebuild day : days) {
            int lastIndex = batches.size() - 1;
            DaysToRebuild open = lastIndex < 0 ? null : batches.get(lastIndex);
            if (open != null && open.tenantId == day.tenantId && open.last.plusDays(1).equals(day.first)
                    && open.days() + day.days() <= maxDays) {
                batches.set(lastIndex, new DaysToRebuild(open.tenantId, open.zone, open.bucketMinutes, open.first,
                        day.last));
            } else {
                batches.add(day);
            }
        }
        return batches;
    }

    /** Local midnight starting {@code first}. */
    Instant start() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** Local midnight ending {@code last}. */
    Instant end() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    int days() {
        return (int) (last.toEpochDay() - first.toEpochDay() + 1);
    }

    List<TenantDay> tenantDays() {
        return first.datesUntil(last.plusDays(1)).map(day -> new TenantDay(tenantId, day)).toList();
    }
}
