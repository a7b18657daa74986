package com.funnelgate.adconnectors.sandbox;

import java.math.BigDecimal;

/**
 * One campaign-day of sandbox data, in the account's currency: spend with two decimals, and
 * {@code impressions >= clicks >= conversions >= 0}.
 */
public record SandboxMetrics(BigDecimal spend, long impressions, long clicks, long conversions) {
}
