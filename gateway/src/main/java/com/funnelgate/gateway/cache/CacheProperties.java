package com.funnelgate.gateway.cache;

import com.funnelgate.adconnectors.AdNetwork;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The results cache ({@code funnelgate.cache.*}): in each replica (Caffeine) in front of Redis
 * (shared, when {@code spring.data.redis.*} is configured). Time to live follows how settled the
 * data is; past it, an entry may still be served for {@code staleLimit} when its source fails.
 *
 * @param enabled whether reports use the cache at all
 * @param staleLimit how long past its freshness an entry may be served when the source fails
 * @param fetchBudget how long a fetch shared through the cache may take: it goes on after the report
 *     that started it has answered (each report waits only its own deadline), so a slow source, such
 *     as a Meta report job over a long range, still fills the cache for the next report
 * @param funnel funnel results
 * @param adSpend ad spend per account and day
 * @param answers whole GraphQL answers of reports
 */
@ConfigurationProperties("funnelgate.cache")
public record CacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("6h") Duration staleLimit,
        @DefaultValue("60s") Duration fetchBudget, @DefaultValue Funnel funnel, @DefaultValue AdSpend adSpend,
        @DefaultValue Answers answers) {

    /**
     * Whole GraphQL answers of report operations, replayed without executing while every source entry
     * they were built from is still fresh.
     *
     * @param enabled whether answers are cached (only when the results cache is: {@code funnelgate.cache.enabled})
     * @param maxAge longest an answer is kept even when its sources stay fresh longer: bounds how long
     *     what has no cache entry of its own (tenant settings, exchange rates, another replica's new ad
     *     account) may lag, the way those are themselves cached for minutes
     * @param maxSize most memory (estimated) the answers of a replica take
     */
    public record Answers(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration maxAge,
            @DefaultValue("64MB") DataSize maxSize) {
    }

    /**
     * @param closedTtl results whose range ended before the current hour (new events there are late
     *     and evict the entry when rolled up)
     * @param openTtl results whose range reaches into the current, still open, hour
     * @param maxEntries most results kept per replica
     */
    public record Funnel(@DefaultValue("6h") Duration closedTtl, @DefaultValue("30s") Duration openTtl,
            @DefaultValue("10000") long maxEntries) {
    }

    /**
     * @param settledTtl days older than the network's restatement window (their numbers no longer change)
     * @param recentTtl days within it (networks restate them as conversions are attributed)
     * @param todayTtl the account's current day, still filling
     * @param restatementDays how many days back each network still changes numbers; others use 7
     * @param maxEntries most account-days kept per replica
     */
    public record AdSpend(@DefaultValue("24h") Duration settledTtl, @DefaultValue("30m") Duration recentTtl,
            @DefaultValue("5m") Duration todayTtl, Map<AdNetwork, Integer> restatementDays,
            @DefaultValue("500000") long maxEntries) {

        public AdSpend {
            Map<AdNetwork, Integer> windows = new EnumMap<>(AdNetwork.class);
            windows.put(AdNetwork.META, 28);
            windows.put(AdNetwork.GOOGLE_ADS, 14);
            windows.put(AdNetwork.ADROLL, 2);
            if (restatementDays != null) {
                windows.putAll(restatementDays);
            }
            restatementDays = Map.copyOf(windows);
        }

        /** How many days back the network restates its numbers. */
        public int restatementDays(AdNetwork network) {
            return restatementDays.getOrDefault(network, 7);
        }
    }
}
