package com.funnelgate.gateway.provisioning;

import com.funnelgate.gateway.funnel.RollupBuckets;
import com.funnelgate.gateway.tenancy.Tenant;
import java.time.ZoneId;
import java.util.Currency;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates tenants and what they own (sites, calls-to-action). A tenant's rollup bucket width is
 * chosen from its time zone here, so rollups line up with its local hours from the first event.
 */
@Component
public class Provisioning {

    private final DatabaseClient db;

    public Provisioning(DatabaseClient db) {
        this.db = db;
    }

    /** Creates a tenant; the zone must be an IANA zone and the currency an ISO 4217 code. */
    public Mono<Tenant> createTenant(String name, ZoneId zone, String currency) {
        String code = Currency.getInstance(currency).getCurrencyCode();
        return db.sql("insert into tenants (name, time_zone, currency, bucket_minutes) "
                        + "values (:name, :zone, :currency, :minutes) returning tenant_id")
                .bind("name", name)
                .bind("zone", zone.getId())
                .bind("currency", code)
                .bind("minutes", (short) RollupBuckets.minutesFor(zone))
                .map(row -> row.get(0, Long.class))
                .one()
                .map(id -> new Tenant(id, name, zone, code));
    }

    /** Creates a site of a tenant; completes with its id. */
    public Mono<Long> createSite(long tenantId, String name, String domain) {
        return db.sql("insert into sites (tenant_id, name, domain) values (:tenant, :name, :domain) returning site_id")
                .bind("tenant", tenantId)
                .bind("name", name)
                .bind("domain", domain)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** Creates a call-to-action on a site of a tenant; completes with its id. */
    public Mono<Long> createCta(long tenantId, long siteId, String name, String kind) {
        return db.sql("insert into ctas (tenant_id, site_id, name, kind) values (:tenant, :site, :name, :kind) "
                        + "returning cta_id")
                .bind("tenant", tenantId)
                .bind("site", siteId)
                .bind("name", name)
                .bind("kind", kind)
                .map(row -> row.get(0, Long.class))
                .one();
    }
}
