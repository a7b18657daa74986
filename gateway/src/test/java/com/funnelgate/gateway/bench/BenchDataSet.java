package com.funnelgate.gateway.bench;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.demo.Campaign;
import com.funnelgate.gateway.demo.TrafficGenerator;
import com.funnelgate.gateway.demo.TrafficPlan;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * The benchmark's tenants and their traffic: {@value #TENANTS} tenants over {@value #DAYS} days
 * ending now, skewed so the first (the one the benchmark reports on) holds about
 * {@value #LARGEST_SHARE} of all events and the others follow a Zipf-like curve. The largest is a
 * shop with 3 sites, 9 calls-to-action and 24 campaigns on three networks; the others have 1 or 2
 * sites, 1 to 3 calls-to-action per site and 0 to 8 campaigns, in time zones with whole-, half- and
 * quarter-hour offsets. Events come from the demo's deterministic {@link TrafficGenerator}.
 */
final class BenchDataSet {

    static final int TENANTS = 120;
    static final int DAYS = 90;
    static final double LARGEST_SHARE = 0.10;
    /** A little over 10 million: the generator's events per visit vary around the estimate below. */
    static final long TARGET_EVENTS = Long.getLong("bench.events", 10_600_000);
    private static final double EVENTS_PER_VISIT = 1.45;
    private static final double ZIPF_EXPONENT = 0.5;
    private static final long SEED = 20261123;
    private static final List<String> ZONES = List.of("America/New_York", "Europe/Berlin", "America/Los_Angeles",
            "Europe/London", "Asia/Kolkata", "Australia/Sydney", "America/Chicago", "Asia/Tokyo", "Asia/Kathmandu",
            "America/Sao_Paulo", "Australia/Adelaide", "UTC");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "USD", "GBP", "INR", "AUD", "USD", "JPY",
            "NPR", "BRL", "AUD", "USD");

    private final List<TestTenant> tenants = new ArrayList<>();
    private final List<TrafficPlan> plans = new ArrayList<>();

    /** Creates the tenants with their sites and calls-to-action, and plans their traffic up to {@code now}. */
    static BenchDataSet create(TestTenants factory, Instant now) {
        BenchDataSet set = new BenchDataSet();
        double[] shares = shares();
        for (int i = 0; i < TENANTS; i++) {
            int zone = i % ZONES.size();
            int sites = i == 0 ? 3 : 1 + i % 2;
            int ctasPerSite = i == 0 ? 3 : 1 + i % 3;
            TestTenant tenant = factory.create(ZONES.get(zone), CURRENCIES.get(zone), sites, ctasPerSite);
            set.tenants.add(tenant);
            set.plans.add(plan(tenant, i, shares[i], now));
        }
        return set;
    }

    /** The tenant the benchmark reports on: the one with the most events. */
    TestTenant largest() {
        return tenants.get(0);
    }

    List<TestTenant> tenants() {
        return List.copyOf(tenants);
    }

    /** Writes every tenant's events with COPY, two tenants at a time; completes with how many were written. */
    long load(FunnelEventWriter writer) {
        return Flux.fromIterable(plans)
                .flatMap(plan -> writer.write(TrafficGenerator.events(plan, SEED)), 2)
                .reduce(0L, Long::sum)
                .block();
    }

    /** The first tenant's share is fixed; the rest share the remainder with weights 1 / rank^s. */
    private static double[] shares() {
        double[] shares = new double[TENANTS];
        double sum = 0;
        for (int i = 1; i < TENANTS; i++) {
            shares[i] = 1 / Math.pow(i, ZIPF_EXPONENT);
            sum += shares[i];
        }
        for (int i = 1; i < TENANTS; i++) {
            shares[i] = shares[i] / sum * (1 - LARGEST_SHARE);
        }
        shares[0] = LARGEST_SHARE;
        return shares;
    }

    private static TrafficPlan plan(TestTenant tenant, int index, double share, Instant now) {
        ZoneId zone = tenant.tenant().timeZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<Long, List<Long>> ctasBySite = new LinkedHashMap<>();
        tenant.sites().forEach(site -> ctasBySite.put(site.id(), site.ctaIds()));
        long visits = Math.round(TARGET_EVENTS * share / EVENTS_PER_VISIT);
        return new TrafficPlan(tenant.id(), zone, today.minusDays(DAYS - 1L), today, visits, ctasBySite,
                campaigns(index), new BigDecimal(40 + index % 7 * 15), now);
    }

    /** The largest tenant runs 24 campaigns (10 Meta, 8 Google Ads, 6 AdRoll); the others 0 to 8. */
    private static List<Campaign> campaigns(int index) {
        List<Campaign> campaigns = new ArrayList<>();
        int meta = index == 0 ? 10 : index % 4;
        int google = index == 0 ? 8 : index % 3;
        int adroll = index == 0 ? 6 : index % 5 == 0 ? 2 : 0;
        for (int c = 0; c < meta; c++) {
            campaigns.add(new Campaign(AdNetwork.META, String.format("23851%04d%06d", index, c)));
        }
        for (int c = 0; c < google; c++) {
            campaigns.add(new Campaign(AdNetwork.GOOGLE_ADS, String.format("21%04d%04d", index, c)));
        }
        for (int c = 0; c < adroll; c++) {
            campaigns.add(new Campaign(AdNetwork.ADROLL, String.format("FGBENCH%04dCAMPAIGN%02d", index, c)));
        }
        // The generator sends more traffic to earlier campaigns: interleave networks so none is all tail.
        campaigns.sort(java.util.Comparator.comparing(campaign -> campaign.id().hashCode()));
        return campaigns;
    }
}
