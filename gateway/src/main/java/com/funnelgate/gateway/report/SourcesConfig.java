package com.funnelgate.gateway.report;

import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.adspend.AccountDays;
import com.funnelgate.gateway.adspend.AdSpendCachePolicy;
import com.funnelgate.gateway.adspend.AdSpendSource;
import com.funnelgate.gateway.cache.CacheProperties;
import com.funnelgate.gateway.cache.Caching;
import com.funnelgate.gateway.funnel.FunnelCachePolicy;
import com.funnelgate.gateway.funnel.FunnelQuery;
import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.funnel.FunnelStore;
import com.funnelgate.gateway.resilience.Protection;
import com.funnelgate.gateway.resilience.SourceGuard;
import com.funnelgate.gateway.source.Source;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the report's sources are wired: each plain fetch gets its protections ({@link SourceGuard}),
 * then, when the results cache is on, the cache ({@link Caching}) in front of them. Written once here
 * for every source, present and future; the sources themselves know of neither.
 */
@Configuration(proxyBeanMethods = false)
class SourcesConfig {

    /** The breaker, retry and time limiter of the funnel database. */
    static final String FUNNEL_BREAKER = "funnel";

    @Bean
    Source<FunnelQuery, FunnelResult> funnelMetrics(FunnelStore store, SourceGuard guard, Caching caching,
            CacheProperties cache, FunnelCachePolicy policy) {
        Source<FunnelQuery, FunnelResult> source = guard.decorate(
                query -> store.fetch(query.report(), query.visitors()),
                query -> new Protection(FUNNEL_BREAKER, null, "Funnel store for tenant " + query.tenantId()));
        return cache.enabled() ? caching.decorate(source, policy) : source;
    }

    @Bean
    Source<AccountDays, List<AdSpendRow>> adSpend(AdSpendSource networks, SourceGuard guard, Caching caching,
            CacheProperties cache, AdSpendCachePolicy policy) {
        Source<AccountDays, List<AdSpendRow>> source = guard.decorate(networks::fetch, AdSpendSource::protection);
        return cache.enabled() ? caching.decorate(source, policy) : source;
    }
}
