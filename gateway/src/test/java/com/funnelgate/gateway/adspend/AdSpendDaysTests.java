package com.funnelgate.gateway.adspend;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.cache.Answer;
import com.funnelgate.gateway.cache.CacheMeters;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.Freshness;
import com.funnelgate.gateway.redis.SharedRedis;
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
 * Ad spend cached per account and day: a shifted range asks the network only for the days it lacks,
 * today expires first and settled days last, and a failing network is answered from stale days.
 */
class AdSpendDaysTests {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final TenantAdAccount ACCOUNT = new TenantAdAccount(7, 70, AdNetwork.META, "act_1", "meta", "USD", UTC);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final CacheProperties properties = new CacheProperties(true, Duration.ofHours(6), Duration.ofSeconds(60),
            new CacheProperties.Funnel(Duration.ofHours(6), Duration.ofSeconds(30), 100),
            new CacheProperties.AdSpend(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofMinutes(5), Map.of(), 1000),
            new CacheProperties.Answers(true, Duration.ofMinutes(1), org.springframework.util.unit.DataSize.ofMegabytes(1)));
    private final AdSpendDays days = new AdSpendDays(properties,
            new StaticListableBeanFactory().getBeanProvider(SharedRedis.class), JsonMapper.builder().build(),
            new CacheMeters(new SimpleMeterRegistry()), clock);
    private final List<String> asked = new ArrayList<>();

    @Test
    void aShiftedRangeAsksOnlyForTheDaysItLacks() {
        Answer<List<AdSpendRow>> first = get("2026-10-01", "2026-10-30");
        assertThat(first.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(first.value()).hasSize(30);
        Answer<List<AdSpendRow>> shifted = get("2026-10-02", "2026-10-31");
        assertThat(asked).containsExactly("2026-10-01..2026-10-30", "2026-10-31..2026-10-31");
        assertThat(shifted.value()).hasSize(30).extracting(AdSpendRow::day)
                .startsWith(LocalDate.parse("2026-10-02")).endsWith(LocalDate.parse("2026-10-31"));
        assertThat(get("2026-10-05", "2026-10-20").freshness()).isEqualTo(Freshness.CACHED);
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
        assertThat(get("2026-09-01", "2026-09-30").freshUntil()).isEqualTo(start.plus(Duration.ofHours(24)));
        assertThat(get("2026-09-01", "2026-09-30").freshUntil()).as("cached").isEqualTo(start.plus(Duration.ofHours(24)));
        assertThat(get("2026-11-20", "2026-11-22").freshUntil()).isEqualTo(start.plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(1));
        Answer<List<AdSpendRow>> mixed = get("2026-11-20", "2026-11-23");
        assertThat(asked).last().isEqualTo("2026-11-23..2026-11-23");
        assertThat(mixed.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(mixed.freshUntil()).as("today, fetched now").isEqualTo(start.plus(Duration.ofMinutes(6)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(get("2026-11-20", "2026-11-23").freshUntil()).as("cached parts: the earliest")
                .isEqualTo(start.plus(Duration.ofMinutes(6)));
    }

    @Test
    void aFailingNetworkIsAnsweredFromStaleDaysOnlyWhenEveryMissingDayHasOne() {
        get("2026-11-01", "2026-11-10");
        clock.advance(Duration.ofHours(1));
        Answer<List<AdSpendRow>> stale = days.get(ACCOUNT, UTC, LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-10"),
                (from, to) -> Mono.error(new IllegalStateException("network down")), Duration.ofSeconds(10)).block();
        assertThat(stale.freshness()).isEqualTo(Freshness.STALE);
        assertThat(stale.asOf()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(stale.value()).hasSize(6);
        Mono<Answer<List<AdSpendRow>>> partly = days.get(ACCOUNT, UTC, LocalDate.parse("2026-11-05"),
                LocalDate.parse("2026-11-12"), (from, to) -> Mono.error(new IllegalStateException("network down")),
                Duration.ofSeconds(10));
        assertThat(partly.onErrorResume(error -> Mono.empty()).block()).isNull();
    }

    private Answer<List<AdSpendRow>> get(String from, String to) {
        return days.get(ACCOUNT, UTC, LocalDate.parse(from), LocalDate.parse(to), (first, last) -> {
            asked.add(first + ".." + last);
            List<AdSpendRow> rows = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                rows.add(new AdSpendRow(AdNetwork.META, "act_1", "c1", "Campaign", day, "USD", BigDecimal.TEN, 100L, 5L, null));
            }
            return Mono.just(rows);
        }, Duration.ofSeconds(10)).block();
    }
}
