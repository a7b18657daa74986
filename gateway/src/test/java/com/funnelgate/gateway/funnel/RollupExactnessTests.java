package com.funnelgate.gateway.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.query.Dimension;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.Periods;
import com.funnelgate.gateway.query.ReportFilter;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.query.RowKey;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import reactor.core.publisher.Flux;

/**
 * The rule that keeps numbers honest: for random events (tenants in zones with and without
 * whole-hour offsets, across DST changes, late events, every event type) and random ranges,
 * granularities, groupings and filters, the report through rollups plus the raw tail equals the
 * report computed from raw events alone, both by the store's raw path and by a plain Java count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "funnelgate.embedded-postgres.database=funnelgate_exactness")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupExactnessTests {

    /** Spans the spring DST changes of the US, Newfoundland and Europe, and the April ones of Australia. */
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 4, 10);
    private static final List<String> ZONES = List.of("UTC", "America/New_York", "Europe/London", "Asia/Kolkata",
            "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns", "Australia/Adelaide");
    private static final List<Campaign> CAMPAIGNS = List.of(new Campaign(AdNetwork.META, "m1"),
            new Campaign(AdNetwork.META, "m2"), new Campaign(AdNetwork.GOOGLE_ADS, "g1"),
            new Campaign(AdNetwork.ADROLL, "a1"));

    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired FunnelEventWriter writer;
    @Autowired FunnelRollup rollup;
    @Autowired FunnelStore store;

    private final SplittableRandom random = new SplittableRandom(20261123);
    private final List<TestTenant> tenants = new ArrayList<>();
    private final List<FunnelEvent> events = new ArrayList<>();

    @BeforeAll
    void writeEventsInThreeWaves() {
        TestTenants factory = new TestTenants(provisioning, keys);
        for (String zone : ZONES) {
            tenants.add(factory.create(zone, "USD", 2, 2));
        }
        write(randomEvents(2500, FIRST, LAST));
        assertThat(rollup.runOnce().block().changed()).isNotEmpty();
        // Late events: they happened in days that are already rolled up.
        write(randomEvents(800, FIRST, FIRST.plusDays(10)));
        write(randomEvents(400, FIRST, LAST));
        assertThat(rollup.runOnce().block().changed()).isNotEmpty();
        // The tail: written after the last run, so only the raw path can see them.
        write(randomEvents(600, FIRST, LAST));
    }

    @Test
    void rollupsPlusTailEqualRawEventsForRandomReports() {
        for (int i = 0; i < 80; i++) {
            ReportQuery query = randomQuery();
            boolean visitors = random.nextBoolean() || i < 10;
            FunnelResult throughRollups = store.fetch(query, visitors).block();
            FunnelResult raw = store.fetchRaw(query, visitors).block();
            FunnelResult expected = oracle(query, visitors);
            assertThat(throughRollups).as("rollups vs Java count for %s", query).isEqualTo(expected);
            assertThat(raw).as("raw SQL vs Java count for %s", query).isEqualTo(expected);
        }
    }

    /** Grouped by every key column of a rollup table, the store reads its rows as they are. */
    @Test
    void reportsAtTheGrainOfARollupTableEqualRawEvents() {
        List<Set<Dimension>> grains = List.of(Set.of(Dimension.CAMPAIGN),
                Set.of(Dimension.CAMPAIGN, Dimension.SITE, Dimension.CTA));
        for (TestTenant tenant : tenants) {
            for (Set<Dimension> groupBy : grains) {
                // HOUR over the US spring DST change; DAY over the whole range.
                for (ReportQuery query : List.of(
                        new ReportQuery(tenant.tenant(), FIRST, LAST, Granularity.DAY, groupBy, ReportFilter.NONE),
                        new ReportQuery(tenant.tenant(), FIRST.plusDays(5), FIRST.plusDays(10), Granularity.HOUR,
                                groupBy, ReportFilter.NONE))) {
                    assertThat(store.fetch(query, true).block()).as("rollups vs Java count for %s", query)
                            .isEqualTo(oracle(query, true));
                }
            }
        }
    }

    /**
     * A report reads the watermark, then its rows; a rollup may commit in between. Told a watermark
     * from before every rollup, it still counts each event once: the statement reads the watermark of
     * its own snapshot too.
     */
    @Test
    void aWatermarkReadBeforeARollupStillCountsEveryEventOnce() {
        for (TestTenant tenant : tenants) {
            ReportQuery query = new ReportQuery(tenant.tenant(), FIRST, LAST, Granularity.DAY,
                    Set.of(Dimension.CAMPAIGN, Dimension.SITE), ReportFilter.NONE);
            assertThat(store.fetch(query, true, 0L).block()).as("stale watermark for %s", query)
                    .isEqualTo(oracle(query, true));
        }
    }

    @Test
    void rerunningTheRollupChangesNothing() {
        ReportQuery query = new ReportQuery(tenants.get(4).tenant(), FIRST, LAST, Granularity.DAY,
                Set.of(Dimension.CAMPAIGN, Dimension.SITE), ReportFilter.NONE);
        FunnelResult before = store.fetch(query, true).block();
        RollupRun run = rollup.runOnce().block();
        assertThat(store.fetch(query, true).block()).isEqualTo(before);
        assertThat(run.leader()).isTrue();
    }

    private void write(List<FunnelEvent> batch) {
        events.addAll(batch);
        writer.write(Flux.fromIterable(batch)).block();
    }

    private List<FunnelEvent> randomEvents(int perTenant, LocalDate from, LocalDate to) {
        List<FunnelEvent> batch = new ArrayList<>();
        for (TestTenant tenant : tenants) {
            ZoneId zone = tenant.tenant().timeZone();
            Instant start = from.atStartOfDay(zone).toInstant();
            long seconds = ChronoUnit.SECONDS.between(start, to.plusDays(1).atStartOfDay(zone).toInstant());
            for (int i = 0; i < perTenant; i++) {
                TestTenant.Site site = tenant.sites().get(random.nextInt(tenant.sites().size()));
                long cta = site.ctaIds().get(random.nextInt(site.ctaIds().size()));
                FunnelEventType type = FunnelEventType.values()[random.nextInt(4)];
                Campaign campaign = random.nextInt(3) == 0 ? null : CAMPAIGNS.get(random.nextInt(CAMPAIGNS.size()));
                BigDecimal revenue = type == FunnelEventType.COMPLETE
                        ? BigDecimal.valueOf(random.nextInt(1, 50_000), 2) : null;
                batch.add(new FunnelEvent(tenant.id(), site.id(), cta, 1 + random.nextInt(300), type,
                        start.plusSeconds(random.nextLong(seconds)), null, null, null,
                        campaign == null ? null : campaign.network(), campaign == null ? null : campaign.id(),
                        revenue));
            }
        }
        return batch;
    }

    private ReportQuery randomQuery() {
        TestTenant tenant = tenants.get(random.nextInt(tenants.size()));
        Granularity granularity = Granularity.values()[random.nextInt(Granularity.values().length)];
        LocalDate from = FIRST.minusDays(2).plusDays(random.nextInt(40));
        int maxDays = granularity == Granularity.HOUR ? 6 : 45;
        LocalDate to = from.plusDays(random.nextInt(maxDays));
        Set<Dimension> groupBy = EnumSet.noneOf(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            if (random.nextInt(3) == 0) {
                groupBy.add(dimension);
            }
        }
        return new ReportQuery(tenant.tenant(), from, to, granularity, groupBy, randomFilter(tenant));
    }

    private ReportFilter randomFilter(TestTenant tenant) {
        switch (random.nextInt(6)) {
            case 0:
                return new ReportFilter(Set.of(AdNetwork.META, AdNetwork.ADROLL), Set.of(), Set.of(), Set.of());
            case 1:
                return new ReportFilter(Set.of(), Set.of("m2", "g1"), Set.of(), Set.of());
            case 2:
                return new ReportFilter(Set.of(), Set.of(), Set.of(tenant.sites().get(0).id()), Set.of());
            case 3:
                return new ReportFilter(Set.of(), Set.of(), Set.of(), Set.of(tenant.sites().get(1).ctaIds().get(0)));
            default:
                return ReportFilter.NONE;
        }
    }

    /** The report counted in plain Java from every event written, with java.time periods. */
    private FunnelResult oracle(ReportQuery query, boolean visitors) {
        Map<RowKey, long[]> counts = new HashMap<>();
        Map<RowKey, BigDecimal> revenue = new HashMap<>();
        Map<RowKey, Set<Long>> visitorSets = new HashMap<>();
        Set<Long> allVisitors = new HashSet<>();
        long[] totalCounts = new long[4];
        BigDecimal totalRevenue = BigDecimal.ZERO;
        ReportFilter filter = query.filter();
        for (FunnelEvent event : events) {
            if (event.tenantId() != query.tenant().id() || event.occurredAt().isBefore(query.start())
                    || !event.occurredAt().isBefore(query.end())
                    || !passes(filter.networks(), event.network()) || !passes(filter.campaignIds(), event.campaignId())
                    || !passes(filter.siteIds(), event.siteId()) || !passes(filter.ctaIds(), event.ctaId())) {
                continue;
            }
            RowKey key = new RowKey(period(query, event.occurredAt()),
                    query.byNetwork() ? event.network() : null, query.byCampaign() ? event.campaignId() : null,
                    query.bySite() ? event.siteId() : null, query.byCta() ? event.ctaId() : null);
            counts.computeIfAbsent(key, k -> new long[4])[event.type().ordinal()]++;
            totalCounts[event.type().ordinal()]++;
            BigDecimal amount = event.revenue() == null ? BigDecimal.ZERO : event.revenue();
            revenue.merge(key, amount, BigDecimal::add);
            totalRevenue = totalRevenue.add(amount);
            visitorSets.computeIfAbsent(key, k -> new HashSet<>()).add(event.visitorId());
            allVisitors.add(event.visitorId());
        }
        TreeMap<RowKey, FunnelMetrics> rows = new TreeMap<>();
        counts.forEach((key, c) -> rows.put(key, metrics(visitors ? (long) visitorSets.get(key).size() : null, c,
                revenue.get(key))));
        return new FunnelResult(rows, metrics(visitors ? (long) allVisitors.size() : null, totalCounts, totalRevenue));
    }

    /** An empty filter keeps everything; a non-empty one keeps only its values (never a null). */
    private static <T> boolean passes(Set<T> filter, T value) {
        return filter.isEmpty() || (value != null && filter.contains(value));
    }

    private static FunnelMetrics metrics(Long visitors, long[] counts, BigDecimal revenue) {
        return new FunnelMetrics(visitors, counts[0], counts[1], counts[2], counts[3], revenue);
    }

    private static Instant period(ReportQuery query, Instant at) {
        ZoneId zone = query.zone();
        LocalDate day = LocalDate.ofInstant(at, zone);
        switch (query.granularity()) {
            case HOUR:
                return Periods.hourOf(at, zone);
            case DAY:
                return day.atStartOfDay(zone).toInstant();
            case WEEK:
                return day.minusDays(day.getDayOfWeek().getValue() - 1L).atStartOfDay(zone).toInstant();
            case MONTH:
                return day.withDayOfMonth(1).atStartOfDay(zone).toInstant();
            default:
                return null;
        }
    }

    private record Campaign(AdNetwork network, String id) {
    }
}
