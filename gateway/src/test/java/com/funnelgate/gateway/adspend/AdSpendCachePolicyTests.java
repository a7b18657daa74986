package com.funnelgate.gateway.adspend;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.cache.CacheMeters;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.Caching;
import com.funnelgate.gateway.cache.DataChanges;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.redis.SharedRedis;
import com.funnelgate.gateway.source.Deadline;
import com.funnelgate.gateway.source.Source;
import com.funnelgate.gateway.source.SourceState;
import com.funnelgate.gateway.source.Sourced;
import com.funnelgate.gateway.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ad spend cached per account and day (the cache decorator with the ad-spend policy, around a fake
 * network): a shifted range asks the network only for the days it lacks, today expires first and
 * settled days last, and a failing network is answered from stale days.
 */
class AdSpendCachePolicyTests {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final TenantAdAccount ACCOUNT = new TenantAdAccount(7, 70, AdNetwork.META, "act_1", "meta", "USD", UTC);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final CacheProperties properties = new CacheProperties(true, Duration.ofHours(6), Duration.ofSeconds(60),
            new CacheProperties.Funnel(Duration.ofHours(6), Duration.ofSeconds(30), 100),
            new CacheProperties.AdSpend(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofMinutes(5), Map.of(), 1000),
            new CacheProperties.Answers(true, Duration.ofMinutes(1), org.springframework.util.unit.DataSize.ofMegabytes(1)));
    private final AdSpendCachePolicy policy = new AdSpendCachePolicy(properties,
            new StaticListableBeanFactory().getBeanProvider(SharedRedis.class), JsonMapper.builder().build(),
            new CacheMeters(new SimpleMeterRegistry()), clock);
    private final Caching caching = new Caching(properties, new DataChanges(), clock);
    private final List<String> asked = new ArrayList<>();
    private final Source<AccountDays, List<AdSpendRow>> days = caching.decorate((query, deadline) -> {
        asked.add(query.from() + ".." + query.to());
        List<AdSpendRow> rows = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            rows.add(new AdSpendRow(AdNetwork.META, "act_1", "c1", "Campaign", day, "USD", BigDecimal.TEN, 100L, 5L, null));
        }
        return Mono.just(Sourced.fresh(rows, clock.instant(), Duration.ZERO));
    }, policy);

    @Test
    void aShiftedRangeAsksOnlyForTheDaysItLacks() {
        Sourced<List<AdSpendRow>> first = get("2026-10-01", "2026-10-30");
        assertThat(first.state()).isEqualTo(SourceState.FRESH);
        assertThat(first.value()).hasSize(30);
        Sourced<List<AdSpendRow>> shifted = get("2026-10-02", "2026-10-31");
        assertThat(asked).containsExactly("2026-10-01..2026-10-30", "2026-10-31..2026-10-31");
        assertThat(shifted.value()).hasSize(30).extracting(AdSpendRow::day)
                .startsWith(LocalDate.parse("2026-10-02")).endsWith(LocalDate.parse("2026-10-31"));
        assertThat(get("2026-10-05", "2026-10-20").state()).isEqualTo(SourceState.CACHED);
        assertThat(asked).hasSize(2);
    }

    @Test
    void todayExpiresFirstRecentDaysNextAndSettledDaysLast() {
        get("2026-09-01", "2026-11-23");
        clock.advance(Duration.ofMinutes(6));
        get("2026-11-23", "2026-11-23");
        get("2026-11-20", "2026-11-22");
        assertThat(asked).containsExactly("2026-09-01..2026-11-23", "2026-11-23..2026-11-23");
        clock.advance(Duration.ofMinutes(30));
        get("2026-11-20", "2026-11-22");
        get("2026-09-01", "2026-09-30");
        assertThat(asked).containsExactly("2026-09-01..2026-11-23", "2026-11-23..2026-11-23", "2026-11-20..2026-11-22");
    }

    @Test
    void anAnswerIsFreshUntilItsEarliestDayExpires() {
        Instant start = clock.instant();
        // Settled days are fresh for 24 h, days within Meta's 28-day window for 30 min, today for 5 min.
        assertThat(get("2026-09-01", "2026-09-30").outcome().freshUntil()).isEqualTo(start.plus(Duration.ofHours(24)));
        assertThat(get("2026-09-01", "2026-09-30").outcome().freshUntil()).as("cached")
                .isEqualTo(start.plus(Duration.ofHours(24)));
        assertThat(get("2026-11-20", "2026-11-22").outcome().freshUntil()).isEqualTo(start.plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(1));
        Sourced<List<AdSpendRow>> mixed = get("2026-11-20", "2026-11-23");
        assertThat(asked).last().isEqualTo("2026-11-23..2026-11-23");
        assertThat(mixed.state()).isEqualTo(SourceState.FRESH);
        assertThat(mixed.outcome().freshUntil()).as("today, fetched now").isEqualTo(start.plus(Duration.ofMinutes(6)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(get("2026-11-20", "2026-11-23").outcome().freshUntil()).as("cached parts: the earliest")
                .isEqualTo(start.plus(Duration.ofMinutes(6)));
    }

    @Test
    void aFailingNetworkIsAnsweredFromStaleDaysOnlyWhenEveryMissingDayHasOne() {
        get("2026-11-01", "2026-11-10");
        clock.advance(Duration.ofHours(1));
        Source<AccountDays, List<AdSpendRow>> down = caching.decorate((query, deadline) -> Mono.just(
                Sourced.failed(ErrorCode.SOURCE_UNAVAILABLE, "is unavailable", Duration.ZERO)), policy);
        Sourced<List<AdSpendRow>> stale = down.fetch(days("2026-11-05", "2026-11-10"), deadline()).block();
        assertThat(stale.state()).isEqualTo(SourceState.STALE);
        assertThat(stale.outcome().asOf()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(stale.value()).hasSize(6);
        Sourced<List<AdSpendRow>> partly = down.fetch(days("2026-11-05", "2026-11-12"), deadline()).block();
        assertThat(partly.state()).isEqualTo(SourceState.FAILED);
        assertThat(partly.value()).isNull();
    }

    @Test
    void rowsComeInOrderOfDayThenCampaignWhereverTheyWereFrom() {
        Source<AccountDays, List<AdSpendRow>> unordered = caching.decorate((query, deadline) -> Mono.just(
                Sourced.fresh(List.of(row("2026-10-02", "b"), row("2026-10-01", "b"), row("2026-10-02", "a"),
                        row("2026-10-01", "a")), clock.instant(), Duration.ZERO)), policy);
        List<AdSpendRow> fetched = unordered.fetch(days("2026-10-01", "2026-10-02"), deadline()).block().value();
        List<AdSpendRow> cached = unordered.fetch(days("2026-10-01", "2026-10-02"), deadline()).block().value();
        assertThat(fetched).extracting(row -> row.day() + "/" + row.campaignId())
                .containsExactly("2026-10-01/a", "2026-10-01/b", "2026-10-02/a", "2026-10-02/b");
        assertThat(cached).isEqualTo(fetched);
    }

    private Sourced<List<AdSpendRow>> get(String from, String to) {
        return days.fetch(days(from, to), deadline()).block();
    }

    private static AccountDays days(String from, String to) {
        return new AccountDays(ACCOUNT, UTC, LocalDate.parse(from), LocalDate.parse(to));
    }

    private static AdSpendRow row(String day, String campaign) {
        return new AdSpendRow(AdNetwork.META, "act_1", campaign, "Campaign " + campaign, LocalDate.parse(day), "USD",
                BigDecimal.ONE, 1L, 1L, null);
    }

    private static Deadline deadline() {
        return Deadline.in(Duration.ofSeconds(10));
    }
}
