package com.funnelgate.gateway.tenancy;

import java.time.ZoneId;

/**
 * A customer of Funnelgate, with the time zone its reports are in and the currency money is
 * reported in.
 */
public record Tenant(long id, String name, ZoneId timeZone, String currency) {
}
