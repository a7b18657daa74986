package com.funnelgate.gateway.report;

import java.time.LocalDate;

/** An inclusive range of calendar days in the tenant's time zone (input and output alike). */
public record DateRange(LocalDate from, LocalDate to) {
}
