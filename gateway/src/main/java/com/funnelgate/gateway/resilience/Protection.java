package com.funnelgate.gateway.resilience;

/**
 * Which protections a call to a source runs under.
 *
 * @param instance the name of the breaker, retry and time limiter ({@code funnel}, {@code ad-META}, …),
 *     named instances of the {@code resilience4j.*} settings
 * @param bulkhead the name of the concurrency limit the call counts against (an ad account), or null
 * @param subject what the call is about, for the log (e.g. {@code META:act_1 for tenant 7})
 */
public record Protection(String instance, String bulkhead, String subject) {
}
