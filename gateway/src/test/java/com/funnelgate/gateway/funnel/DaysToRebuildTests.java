package com.funnelgate.gateway.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rollup rebuilds runs of consecutive days of one tenant together, and never more than asked. */
class DaysToRebuildTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    @Test
    void consecutiveDaysOfATenantFormBatchesOfAtMostTheLimit() {
        List<DaysToRebuild> days = MAY_1.datesUntil(MAY_1.plusDays(10)).map(day -> day(1, day)).toList();

        assertThat(DaysToRebuild.batches(days, 4)).containsExactly(
                new DaysToRebuild(1, ZONE, (short) 30, MAY_1, MAY_1.plusDays(3)),
                new DaysToRebuild(1, ZONE, (short) 30, MAY_1.plusDays(4), MAY_1.plusDays(7)),
                new DaysToRebuild(1, ZONE, (short) 30, MAY_1.plusDays(8), MAY_1.plusDays(9)));
    }

    @Test
    void aGapOrAnotherTenantStartsANewBatch() {
        List<DaysToRebuild> days = List.of(day(1, MAY_1), day(1, MAY_1.plusDays(1)), day(1, MAY_1.plusDays(5)),
                day(2, MAY_1.plusDays(6)), day(2, MAY_1.plusDays(7)));

        assertThat(DaysToRebuild.batches(days, 7)).containsExactly(
                new DaysToRebuild(1, ZONE, (short) 30, MAY_1, MAY_1.plusDays(1)),
                day(1, MAY_1.plusDays(5)),
                new DaysToRebuild(2, ZONE, (short) 30, MAY_1.plusDays(6), MAY_1.plusDays(7)));
    }

    @Test
    void aBatchSpansItsDaysInTheTenantsZoneAndListsThem() {
        DaysToRebuild batch = new DaysToRebuild(1, ZONE, (short) 30, MAY_1, MAY_1.plusDays(2));

        assertThat(batch.start()).hasToString("2026-04-30T18:30:00Z");
        assertThat(batch.end()).hasToString("2026-05-03T18:30:00Z");
        assertThat(batch.tenantDays()).containsExactlyElementsOf(Stream.iterate(MAY_1, day -> day.plusDays(1))
                .limit(3).map(day -> new TenantDay(1, day)).toList());
    }

    private static DaysToRebuild day(long tenantId, LocalDate day) {
        return DaysToRebuild.of(tenantId, ZONE, (short) 30, day);
    }
}
