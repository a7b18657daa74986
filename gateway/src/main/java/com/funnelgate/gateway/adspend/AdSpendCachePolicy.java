package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.cache.CacheCodec;
import com.funnelgate.gateway.cache.CacheMeters;
import com.funnelgate.gateway.cache.CachePolicy;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.TieredCache;
import com.funnelgate.gateway.redis.SharedRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * How ad spend is cached: per (tenant, account, day), so a report over a range reuses the days it
 * already has and asks the network only for the span of days it lacks (a sliding "last 30 days" asks
 * for one). A day's time to live follows how settled it is: the account's current day shortest, days
 * inside the network's restatement window short, older days long.
 */
@Component
public class AdSpendCachePolicy implements CachePolicy<AccountDays, List<AdSpendRow>, AdSpendCachePolicy.DayRows> {

    private static final Comparator<AdSpendRow> BY_CAMPAIGN = Comparator.comparing(AdSpendRow::campaignId);

    private final TieredCache<DayRows> cache;
    private final CacheProperties.AdSpend properties;

    AdSpendCachePolicy(CacheProperties properties, ObjectProvider<SharedRedis> redis, JsonMapper json,
            CacheMeters meters, Clock clock) {
        this.properties = properties.adSpend();
        CacheCodec<DayRows> codec = new CacheCodec<>(json, json.getTypeFactory().constructType(DayRows.class));
        this.cache = new TieredCache<>("ad", properties.adSpend().maxEntries(), redis.getIfAvailable(), codec, meters,
                clock);
    }

    @Override
    public TieredCache<DayRows> cache() {
        return cache;
    }

    @Override
    public long tenantId(AccountDays query) {
        return query.account().tenantId();
    }

    @Override
    public List<String> keys(AccountDays query) {
        List<String> keys = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            keys.add(key(query.account(), day));
        }
        return keys;
    }

    /** The span from the first missing day to the last (the days between are asked again). */
    @Override
    public AccountDays missing(AccountDays query, List<Integer> positions) {
        return query.between(query.from().plusDays(positions.get(0)),
                query.from().plusDays(positions.get(positions.size() - 1)));
    }

    @Override
    public List<Part<DayRows>> parts(AccountDays fetched, List<AdSpendRow> rows, Instant fetchedAt) {
        Map<LocalDate, List<AdSpendRow>> byDay = new HashMap<>();
        rows.forEach(row -> byDay.computeIfAbsent(row.day(), day -> new ArrayList<>()).add(row));
        LocalDate today = LocalDate.ofInstant(fetchedAt, fetched.dayZone());
        List<Part<DayRows>> parts = new ArrayList<>();
        for (LocalDate day = fetched.from(); !day.isAfter(fetched.to()); day = day.plusDays(1)) {
            List<AdSpendRow> ofDay = new ArrayList<>(byDay.getOrDefault(day, List.of()));
            ofDay.sort(BY_CAMPAIGN);
            parts.add(new Part<>(key(fetched.account(), day), new DayRows(ofDay), ttl(fetched.account(), day, today)));
        }
        return parts;
    }

    /** The days' rows in order of day, then campaign. */
    @Override
    public List<AdSpendRow> join(AccountDays query, List<DayRows> parts) {
        List<AdSpendRow> rows = new ArrayList<>();
        parts.forEach(day -> rows.addAll(day.rows()));
        return rows;
    }

    /** A rollup or a new account leaves the spend of an account's days as it was. */
    @Override
    public boolean followsDataChanges() {
        return false;
    }

    private Duration ttl(TenantAdAccount account, LocalDate day, LocalDate today) {
        if (!day.isBefore(today)) {
            return properties.todayTtl();
        }
        long age = ChronoUnit.DAYS.between(day, today);
        return age <= properties.restatementDays(account.network()) ? properties.recentTtl() : properties.settledTtl();
    }

    private static String key(TenantAdAccount account, LocalDate day) {
        return account.tenantId() + ":" + account.accountId() + ":" + day;
    }

    /** One account-day's rows as cached (an empty list: the network reported nothing that day). */
    public record DayRows(List<AdSpendRow> rows) {
    }
}
