package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.cache.Answer;
import com.funnelgate.gateway.cache.CacheCodec;
import com.funnelgate.gateway.cache.CacheMeters;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.Cached;
import com.funnelgate.gateway.cache.Freshness;
import com.funnelgate.gateway.cache.SingleFlight;
import com.funnelgate.gateway.cache.TieredCache;
import com.funnelgate.gateway.redis.SharedRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ad spend cached per (tenant, account, day), so a report over a range reuses the days it already
 * has and asks the network only for the span of days it lacks (a sliding "last 30 days" asks for
 * one). A day's time to live follows how settled it is: today shortest, days inside the network's
 * restatement window short, older days long. Concurrent identical fetches share one call; when the
 * network fails and every missing day still has a stale entry, those answer instead (STALE).
 */
@Component
public class AdSpendDays {

    private final TieredCache<DayRows> cache;
    private final SingleFlight<String, Answer<List<AdSpendRow>>> flights = new SingleFlight<>();
    private final CacheProperties properties;
    private final Clock clock;

    AdSpendDays(CacheProperties properties, ObjectProvider<SharedRedis> redis, JsonMapper json, CacheMeters meters,
            Clock clock) {
        this.properties = properties;
        this.clock = clock;
        CacheCodec<DayRows> codec = new CacheCodec<>(json, json.getTypeFactory().constructType(DayRows.class));
        this.cache = new TieredCache<>("ad", properties.adSpend().maxEntries(), redis.getIfAvailable(), codec, meters,
                clock);
    }

    /**
     * The account's rows for the days {@code from} to {@code to} (in {@code dayZone}, the zone the
     * network's days are in), from the cache where fresh and from {@code fetch} for the rest.
     *
     * @param fetch asks the network for an inclusive span of days (with its protections)
     * @param wait how long to wait for the network before stale days (if all are there) answer instead
     */
    public Mono<Answer<List<AdSpendRow>>> get(TenantAdAccount account, ZoneId dayZone, LocalDate from, LocalDate to,
            Fetch fetch, Duration wait) {
        List<LocalDate> days = days(from, to);
        return lookup(account, days).flatMap(found -> {
            if (missing(days, found).isEmpty()) {
                return Mono.just(answer(found, Freshness.CACHED, null));
            }
            // Identical requests share one flight; inside it the cache is read again, so a request that
            // arrives just after another stored the days does not fetch them again.
            String flight = account.tenantId() + ":" + account.accountId() + ":" + from + ":" + to;
            return flights.run(flight, () -> refresh(account, dayZone, days, fetch))
                    .timeout(wait)
                    .onErrorResume(error -> stale(found, error));
        });
    }

    private Mono<Answer<List<AdSpendRow>>> refresh(TenantAdAccount account, ZoneId dayZone, List<LocalDate> days,
            Fetch fetch) {
        return lookup(account, days).flatMap(found -> {
            List<LocalDate> missing = missing(days, found);
            if (missing.isEmpty()) {
                return Mono.just(answer(found, Freshness.CACHED, null));
            }
            LocalDate first = missing.get(0);
            LocalDate last = missing.get(missing.size() - 1);
            return fetch.days(first, last)
                    .flatMap(rows -> store(account, dayZone, first, last, rows)
                            .map(freshUntil -> fresh(days, found, first, last, rows, freshUntil)));
        });
    }

    private Mono<List<Cached<DayRows>>> lookup(TenantAdAccount account, List<LocalDate> days) {
        return cache.getAll(account.tenantId(), days.stream().map(day -> key(account, day)).toList());
    }

    private List<LocalDate> missing(List<LocalDate> days, List<Cached<DayRows>> found) {
        Instant now = clock.instant();
        List<LocalDate> missing = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            if (found.get(i) == null || !found.get(i).freshAt(now)) {
                missing.add(days.get(i));
            }
        }
        return missing;
    }

    /** Fetches an inclusive span of an account's days from its network. */
    @FunctionalInterface
    public interface Fetch {
        Mono<List<AdSpendRow>> days(LocalDate from, LocalDate to);
    }

    /** Stores the fetched days; completes with the earliest end of freshness among them. */
    private Mono<Instant> store(TenantAdAccount account, ZoneId dayZone, LocalDate first, LocalDate last,
            List<AdSpendRow> rows) {
        Map<LocalDate, List<AdSpendRow>> byDay = new HashMap<>();
        rows.forEach(row -> byDay.computeIfAbsent(row.day(), day -> new ArrayList<>()).add(row));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, dayZone);
        // Every day goes into this replica's memory at once (put is eager); Redis follows.
        List<Mono<Void>> writes = new ArrayList<>();
        Instant earliest = Instant.MAX;
        for (LocalDate day : days(first, last)) {
            Instant freshUntil = now.plus(ttl(account, day, today));
            earliest = freshUntil.isBefore(earliest) ? freshUntil : earliest;
            writes.add(cache.put(key(account, day), new Cached<>(new DayRows(byDay.getOrDefault(day, List.of())),
                    account.tenantId(), now, freshUntil, freshUntil.plus(properties.staleLimit()))));
        }
        return Mono.when(writes).thenReturn(earliest);
    }

    private Duration ttl(TenantAdAccount account, LocalDate day, LocalDate today) {
        CacheProperties.AdSpend settings = properties.adSpend();
        if (!day.isBefore(today)) {
            return settings.todayTtl();
        }
        long age = ChronoUnit.DAYS.between(day, today);
        return age <= settings.restatementDays(account.network()) ? settings.recentTtl() : settings.settledTtl();
    }

    private Answer<List<AdSpendRow>> fresh(List<LocalDate> days, List<Cached<DayRows>> found, LocalDate first,
            LocalDate last, List<AdSpendRow> fetched, Instant storedFreshUntil) {
        List<AdSpendRow> rows = new ArrayList<>(fetched);
        Instant asOf = clock.instant();
        Instant freshUntil = storedFreshUntil;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            if (day.isBefore(first) || day.isAfter(last)) {
                rows.addAll(found.get(i).value().rows());
                asOf = found.get(i).fetchedAt().isBefore(asOf) ? found.get(i).fetchedAt() : asOf;
                freshUntil = found.get(i).freshUntil().isBefore(freshUntil) ? found.get(i).freshUntil() : freshUntil;
            }
        }
        rows.sort(Comparator.comparing(AdSpendRow::day).thenComparing(AdSpendRow::campaignId));
        return new Answer<>(rows, Freshness.FRESH, asOf, freshUntil, null);
    }

    private Mono<Answer<List<AdSpendRow>>> stale(List<Cached<DayRows>> found, Throwable error) {
        Instant now = clock.instant();
        boolean allServable = found.stream().allMatch(entry -> entry != null && entry.servableAt(now));
        return allServable ? Mono.just(answer(found, Freshness.STALE, error)) : Mono.error(error);
    }

    private static Answer<List<AdSpendRow>> answer(List<Cached<DayRows>> found, Freshness freshness, Throwable failure) {
        List<AdSpendRow> rows = new ArrayList<>();
        Instant asOf = Instant.MAX;
        Instant freshUntil = Instant.MAX;
        for (Cached<DayRows> day : found) {
            rows.addAll(day.value().rows());
            asOf = day.fetchedAt().isBefore(asOf) ? day.fetchedAt() : asOf;
            freshUntil = day.freshUntil().isBefore(freshUntil) ? day.freshUntil() : freshUntil;
        }
        return new Answer<>(rows, freshness, asOf, freshUntil, failure);
    }

    private static String key(TenantAdAccount account, LocalDate day) {
        return account.tenantId() + ":" + account.accountId() + ":" + day;
    }

    private static List<LocalDate> days(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** One account-day's rows as cached (an empty list: the network reported nothing that day). */
    record DayRows(List<AdSpendRow> rows) {
    }
}
