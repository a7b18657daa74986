package com.funnelgate.gateway.funnel;

import java.time.LocalDate;

/** One local calendar day of one tenant: the unit the rollup rebuilds and reports as changed. */
public record TenantDay(long tenantId, LocalDate day) {
}
