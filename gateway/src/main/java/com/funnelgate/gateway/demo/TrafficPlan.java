package com.funnelgate.gateway.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What to generate for one tenant: over which local days, how many visits in all, on which sites
 * and calls-to-action, from which campaigns, and how large an order typically is.
 *
 * @param ctasBySite the tenant's call-to-action ids per site id
 * @param notAfter no event is generated after this instant (the demo stops at "now")
 * @param averageOrder typical revenue of a completion, in the tenant's currency
 */
public record TrafficPlan(long tenantId, ZoneId zone, LocalDate firstDay, LocalDate lastDay, long visits,
        Map<Long, List<Long>> ctasBySite, List<Campaign> campaigns, BigDecimal averageOrder, Instant notAfter) {

    public TrafficPlan {
        ctasBySite = Map.copyOf(ctasBySite);
        campaigns = List.copyOf(campaigns);
    }
}
