package com.funnelgate.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.tenancy.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeriodsTests {

    @Test
    void anHourStartsWhereTheLocalClockReadsAWholeHour() {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
        assertThat(Periods.hourOf(Instant.parse("2026-05-01T10:20:00Z"), kathmandu))
                .isEqualTo(Instant.parse("2026-05-01T10:15:00Z"));
        assertThat(Periods.hourOf(Instant.parse("2026-05-01T10:14:59Z"), kathmandu))
                .isEqualTo(Instant.parse("2026-05-01T09:15:00Z"));
    }

    @Test
    void theRepeatedHourWhenClocksGoBackIsTwoPeriods() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(Periods.hourOf(Instant.parse("2026-11-01T05:30:00Z"), newYork))
                .isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(Periods.hourOf(Instant.parse("2026-11-01T06:30:00Z"), newYork))
                .isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
    }

    @Test
    void aHalfHourDstChangeStartsAShorterHourAtTheChange() {
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        // 2026-10-04 02:00 +10:30 becomes 02:30 +11:00 (15:30Z): the 02:00 hour is 02:30-03:00.
        assertThat(Periods.hourOf(Instant.parse("2026-10-03T15:45:00Z"), lordHowe))
                .isEqualTo(Instant.parse("2026-10-03T15:30:00Z"));
        // 2026-04-05 02:00 +11:00 becomes 01:30 +10:30 (15:00Z): the repeated half hour is its own period.
        assertThat(Periods.hourOf(Instant.parse("2026-04-04T15:15:00Z"), lordHowe))
                .isEqualTo(Instant.parse("2026-04-04T15:00:00Z"));
        assertThat(Periods.hourOf(Instant.parse("2026-04-04T14:45:00Z"), lordHowe))
                .isEqualTo(Instant.parse("2026-04-04T14:00:00Z"));
    }

    @Test
    void daysOfDstChangesHave23And25Hours() {
        assertThat(Periods.all(query("America/New_York", "2026-03-08", Granularity.HOUR))).hasSize(23);
        assertThat(Periods.all(query("America/New_York", "2026-11-01", Granularity.HOUR))).hasSize(25);
        assertThat(Periods.all(query("Asia/Kathmandu", "2026-11-01", Granularity.HOUR))).hasSize(24);
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        LocalDate sunday = LocalDate.of(2026, 11, 1);
        assertThat(Periods.periodOf(sunday, Granularity.WEEK)).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(Periods.periodOf(sunday.plusDays(1), Granularity.WEEK)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(Periods.periodOf(LocalDate.of(2026, 2, 28), Granularity.MONTH)).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void aTotalReportHasOnePeriod() {
        assertThat(Periods.all(query("UTC", "2026-01-01", Granularity.TOTAL))).containsExactly((Instant) null);
    }

    private static ReportQuery query(String zone, String day, Granularity granularity) {
        LocalDate date = LocalDate.parse(day);
        return new ReportQuery(new Tenant(1, "t", ZoneId.of(zone), "USD"), date, date, granularity, Set.of(),
                ReportFilter.NONE);
    }
}
