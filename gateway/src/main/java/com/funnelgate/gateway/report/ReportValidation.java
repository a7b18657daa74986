package com.funnelgate.gateway.report;

import com.funnelgate.gateway.errors.ApiException;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.ReportFilter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a report's arguments before any work is done, with messages that name the argument and
 * what would be accepted. Checks that need the database (ids the tenant owns) are made later.
 */
final class ReportValidation {

    private final ReportProperties limits;

    ReportValidation(ReportProperties limits) {
        this.limits = limits;
    }

    /** Rejects a reversed range, one that is too long, and HOUR over too many days. */
    void checkRange(DateRange range, Granularity granularity) {
        if (range.from().isAfter(range.to())) {
            throw ApiException.badInput("range.from (" + range.from() + ") is after range.to (" + range.to() + ").");
        }
        long days = ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
        if (days > limits.maxRangeDays()) {
            throw ApiException.badInput("range spans " + days + " days; a report may span at most "
                    + limits.maxRangeDays() + " days.");
        }
        if (granularity == Granularity.HOUR && days > limits.maxHourRangeDays()) {
            throw ApiException.badInput("HOUR granularity covers at most " + limits.maxHourRangeDays()
                    + " days; this range spans " + days + ". Use DAY, or a shorter range.");
        }
    }

    /** The filter with its ids parsed; ids that are not numbers are rejected here. */
    ReportFilter filter(ReportFilterInput input) {
        if (input == null) {
            return ReportFilter.NONE;
        }
        return new ReportFilter(
                Set.copyOf(limited("filter.networks", input.networks())),
                Set.copyOf(limited("filter.campaignIds", input.campaignIds())),
                ids("filter.siteIds", input.siteIds()),
                ids("filter.ctaIds", input.ctaIds()));
    }

    private <T> List<T> limited(String name, List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > limits.maxFilterIds()) {
            throw ApiException.badInput(name + " holds " + values.size() + " values; at most "
                    + limits.maxFilterIds() + " are allowed.");
        }
        return values;
    }

    private Set<Long> ids(String name, List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> malformed = new ArrayList<>();
        for (String value : limited(name, values)) {
            try {
                ids.add(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                malformed.add(value.length() > 40 ? value.substring(0, 40) + "…" : value);
            }
        }
        if (!malformed.isEmpty()) {
            throw ApiException.badInput(name + " holds ids that are not numbers: "
                    + malformed.stream().map(v -> '"' + v + '"').collect(Collectors.joining(", ")) + ".");
        }
        return ids;
    }

    /** Rejects ids the tenant does not own, naming them. */
    static void checkKnown(String name, Set<Long> unknown) {
        if (!unknown.isEmpty()) {
            throw ApiException.badInput(name + " names ids this tenant does not have: "
                    + unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        }
    }
}
