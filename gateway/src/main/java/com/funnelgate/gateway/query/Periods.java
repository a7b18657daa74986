package com.funnelgate.gateway.query;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Period arithmetic in a tenant's time zone, the same rules the SQL of the funnel store follows:
 * a DAY, WEEK (from Monday) or MONTH period starts at local midnight of its first day; an HOUR
 * period is a local clock hour, so a DST change gives a 23- or 25-hour day, and the hour repeated
 * when clocks go back is two periods (with different offsets).
 */
public final class Periods {

    /** Every real UTC offset is a multiple of this; finer steps can never meet a new local hour. */
    private static final Duration STEP = Duration.ofMinutes(15);

    private Periods() {
    }

    /** The first day of the DAY, WEEK or MONTH period a local day falls in. */
    public static LocalDate periodOf(LocalDate day, Granularity granularity) {
        switch (granularity) {
            case WEEK:
                return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH:
                return day.withDayOfMonth(1);
            case DAY:
                return day;
            default:
                throw new IllegalArgumentException(granularity + " periods are not whole days");
        }
    }

    /**
     * The start of the local clock hour an instant falls in: the later of the instant the local
     * clock last read a whole hour and the zone's last offset change (a half-hour DST change, as on
     * Lord Howe Island, starts a new, shorter hour).
     */
    public static Instant hourOf(Instant instant, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(instant);
        Instant wholeHour = LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.HOURS).toInstant(offset);
        ZoneOffsetTransition change = rules.previousTransition(instant.plusNanos(1));
        return change != null && change.getInstant().isAfter(wholeHour) ? change.getInstant() : wholeHour;
    }

    /** The first instant of the period a local day falls in. */
    public static Instant startOf(LocalDate day, Granularity granularity, ZoneId zone) {
        return periodOf(day, granularity).atStartOfDay(zone).toInstant();
    }

    /** The start of every period of a query's range, in order; one null entry for TOTAL. */
    public static List<Instant> all(ReportQuery query) {
        if (query.granularity() == Granularity.TOTAL) {
            List<Instant> total = new ArrayList<>(1);
            total.add(null);
            return total;
        }
        Set<Instant> starts = new LinkedHashSet<>();
        if (query.granularity() == Granularity.HOUR) {
            for (Instant t = query.start(); t.isBefore(query.end()); t = t.plus(STEP)) {
                starts.add(hourOf(t, query.zone()));
            }
        } else {
            for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
                starts.add(startOf(day, query.granularity(), query.zone()));
            }
        }
        return List.copyOf(starts);
    }
}
