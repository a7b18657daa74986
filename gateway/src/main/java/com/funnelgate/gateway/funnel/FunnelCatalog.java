package com.funnelgate.gateway.funnel;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Which sites and calls-to-action a tenant has: to reject filters naming ids it does not own. */
@Component
public class FunnelCatalog {

    private final DatabaseClient db;

    public FunnelCatalog(DatabaseClient db) {
        this.db = db;
    }

    /** The ids among {@code siteIds} that are not sites of the tenant. */
    public Mono<Set<Long>> unknownSites(long tenantId, Set<Long> siteIds) {
        return unknown("select site_id from sites where tenant_id = :tenant and site_id = any(:ids)", tenantId, siteIds);
    }

    /** The ids among {@code ctaIds} that are not calls-to-action of the tenant. */
    public Mono<Set<Long>> unknownCtas(long tenantId, Set<Long> ctaIds) {
        return unknown("select cta_id from ctas where tenant_id = :tenant and cta_id = any(:ids)", tenantId, ctaIds);
    }

    private Mono<Set<Long>> unknown(String sql, long tenantId, Set<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql(sql).bind("tenant", tenantId).bind("ids", ids.toArray(Long[]::new))
                .map(row -> row.get(0, Long.class))
                .all()
                .collect(Collectors.toSet())
                .map(known -> ids.stream().filter(id -> !known.contains(id))
                        .collect(Collectors.toCollection(java.util.TreeSet::new)));
    }
}
