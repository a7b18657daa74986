package com.funnelgate.gateway.demo;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.funnel.FunnelEvent;
import com.funnelgate.gateway.funnel.FunnelEventType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import reactor.core.publisher.Flux;

/**
 * Generates plausible funnel traffic for a {@link TrafficPlan}, deterministically from a seed:
 * visits grow over the range and dip at weekends, follow a daily curve in the tenant's local time,
 * come from the plan's campaigns (more from the first ones) or unattributed sources, and walk down
 * the funnel (view, engage, convert, complete with revenue) with rates that differ per campaign.
 * Some visitors return, so unique visitors are fewer than views. Events are produced lazily, one
 * day at a time, so millions can be streamed into the database.
 */
public final class TrafficGenerator {

    /** Share of visits over a local day, by hour (0-23): quiet at night, peaks around noon and evening. */
    private static final double[] HOURLY = {0.9, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.4, 3.6, 4.6, 5.3, 5.8,
        6.0, 5.9, 5.6, 5.4, 5.4, 5.6, 6.0, 6.3, 6.1, 5.2, 3.6, 2.1};
    private static final String[] ORGANIC_SOURCES = {null, null, "newsletter", "twitter", "partner-blog", "bing-organic"};

    private TrafficGenerator() {
    }

    /** The plan's events, in order of day. */
    public static Flux<FunnelEvent> events(TrafficPlan plan, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ plan.tenantId() * 0x9E3779B97F4A7C15L);
        Visitors visitors = new Visitors();
        long days = ChronoUnit.DAYS.between(plan.firstDay(), plan.lastDay()) + 1;
        double[] weights = new double[(int) days];
        double total = 0;
        for (int d = 0; d < days; d++) {
            weights[d] = dayWeight(plan.firstDay().plusDays(d), d, days);
            total += weights[d];
        }
        double perWeight = plan.visits() / total;
        return Flux.range(0, (int) days).concatMapIterable(d -> day(plan, plan.firstDay().plusDays(d),
                Math.round(weights[d] * perWeight * (0.9 + random.nextDouble() * 0.2)), random, visitors));
    }

    private static double dayWeight(LocalDate day, int index, long days) {
        double growth = 0.75 + 0.5 * index / Math.max(1, days - 1);
        DayOfWeek weekday = day.getDayOfWeek();
        double weekly = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? 0.78 : 1.0;
        return growth * weekly;
    }

    private static List<FunnelEvent> day(TrafficPlan plan, LocalDate day, long visits, SplittableRandom random,
            Visitors visitors) {
        List<FunnelEvent> events = new ArrayList<>((int) (visits * 1.6));
        List<Long> sites = new ArrayList<>(new TreeMap<>(plan.ctasBySite()).keySet());
        for (long v = 0; v < visits; v++) {
            Instant start = ZonedDateTime.of(day, LocalTime.of(hour(random), random.nextInt(60), random.nextInt(60)),
                    plan.zone()).toInstant();
            if (start.isAfter(plan.notAfter())) {
                continue;
            }
            long site = sites.get(random.nextInt(sites.size()));
            List<Long> ctas = plan.ctasBySite().get(site);
            visit(plan, site, ctas.get(random.nextInt(ctas.size())), visitors.next(random), start, random, events);
        }
        return events;
    }

    private static void visit(TrafficPlan plan, long site, long cta, long visitor, Instant start,
            SplittableRandom random, List<FunnelEvent> events) {
        Campaign campaign = !plan.campaigns().isEmpty() && random.nextDouble() < 0.55 ? campaign(plan, random) : null;
        String source;
        String medium;
        if (campaign != null) {
            source = utmSource(campaign.network(), random);
            medium = campaign.network() == AdNetwork.META ? "paid_social"
                    : campaign.network() == AdNetwork.ADROLL ? "retargeting" : "cpc";
        } else {
            source = ORGANIC_SOURCES[random.nextInt(ORGANIC_SOURCES.length)];
            medium = source == null ? null : "referral";
        }
        String utmCampaign = campaign == null ? null : campaign.id();
        double quality = campaign == null ? 0.8 : 0.6 + (Math.floorMod(campaign.id().hashCode(), 80) / 100.0);
        Instant at = start;
        events.add(event(plan, site, cta, visitor, FunnelEventType.VIEW, at, source, medium, utmCampaign, null));
        if (random.nextDouble() >= 0.32 * quality) {
            return;
        }
        at = later(at, 5, 180, random);
        if (at.isAfter(plan.notAfter())) {
            return;
        }
        events.add(event(plan, site, cta, visitor, FunnelEventType.ENGAGE, at, source, medium, utmCampaign, null));
        if (random.nextDouble() >= 0.28 * quality) {
            return;
        }
        at = later(at, 30, 600, random);
        if (at.isAfter(plan.notAfter())) {
            return;
        }
        events.add(event(plan, site, cta, visitor, FunnelEventType.CONVERT, at, source, medium, utmCampaign, null));
        if (random.nextDouble() >= 0.55) {
            return;
        }
        at = later(at, 60, 1800, random);
        if (at.isAfter(plan.notAfter())) {
            return;
        }
        events.add(event(plan, site, cta, visitor, FunnelEventType.COMPLETE, at, source, medium, utmCampaign,
                revenue(plan.averageOrder(), random)));
    }

    private static FunnelEvent event(TrafficPlan plan, long site, long cta, long visitor, FunnelEventType type,
            Instant at, String source, String medium, String utmCampaign, BigDecimal revenue) {
        return FunnelEvent.fromUtm(plan.tenantId(), site, cta, visitor, type, at, source, medium, utmCampaign, revenue);
    }

    /** Earlier campaigns bring more traffic (weights 1, 1/2, 1/3, ...). */
    private static Campaign campaign(TrafficPlan plan, SplittableRandom random) {
        List<Campaign> campaigns = plan.campaigns();
        double sum = 0;
        for (int i = 0; i < campaigns.size(); i++) {
            sum += 1.0 / (i + 1);
        }
        double pick = random.nextDouble() * sum;
        for (int i = 0; i < campaigns.size(); i++) {
            pick -= 1.0 / (i + 1);
            if (pick <= 0) {
                return campaigns.get(i);
            }
        }
        return campaigns.get(campaigns.size() - 1);
    }

    private static String utmSource(AdNetwork network, SplittableRandom random) {
        switch (network) {
            case META:
                return random.nextDouble() < 0.7 ? "facebook" : "instagram";
            case GOOGLE_ADS:
                return "google";
            case ADROLL:
                return "adroll";
            default:
                return network.name().toLowerCase(Locale.ROOT);
        }
    }

    private static int hour(SplittableRandom random) {
        double pick = random.nextDouble() * 100;
        for (int h = 0; h < HOURLY.length; h++) {
            pick -= HOURLY[h];
            if (pick <= 0) {
                return h;
            }
        }
        return 23;
    }

    private static Instant later(Instant at, int minSeconds, int maxSeconds, SplittableRandom random) {
        return at.plusSeconds(minSeconds + random.nextInt(maxSeconds - minSeconds));
    }

    /** Order values spread around the average (log-normal), with cents. */
    private static BigDecimal revenue(BigDecimal average, SplittableRandom random) {
        double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        double factor = Math.exp(0.45 * gaussian - 0.1);
        return average.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Hands out visitor ids: mostly new visitors, some returning (recent ones more often). */
    private static final class Visitors {
        private long issued;

        long next(SplittableRandom random) {
            if (issued > 0 && random.nextDouble() < 0.3) {
                double recency = Math.pow(random.nextDouble(), 3);
                return issued - (long) (recency * (issued - 1));
            }
            return ++issued;
        }
    }
}
