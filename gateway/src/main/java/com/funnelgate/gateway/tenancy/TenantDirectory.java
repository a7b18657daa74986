package com.funnelgate.gateway.tenancy;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Looks tenants up by id. Tenants change rarely and are read on every report, so lookups are
 * cached for a short while; a tenant that does not exist is cached as absent too.
 */
@Component
public class TenantDirectory {

    private static final String COLUMNS = "tenant_id, name, time_zone, currency";

    private final DatabaseClient db;
    private final AsyncLoadingCache<Long, Optional<Tenant>> cache;

    public TenantDirectory(DatabaseClient db) {
        this.db = db;
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofMinutes(5))
                .buildAsync((id, executor) -> load(id).toFuture());
    }

    /** The tenant with this id, or empty when there is none. */
    public Mono<Tenant> find(long tenantId) {
        return Mono.fromFuture(() -> cache.get(tenantId), true).flatMap(Mono::justOrEmpty);
    }

    /** The tenant with the lowest id, or empty when there is none. */
    public Mono<Tenant> first() {
        return db.sql("select " + COLUMNS + " from tenants order by tenant_id limit 1").map(TenantDirectory::tenant).one();
    }

    /** Every tenant, ordered by id. */
    public Flux<Tenant> all() {
        return db.sql("select " + COLUMNS + " from tenants order by tenant_id").map(TenantDirectory::tenant).all();
    }

    private Mono<Optional<Tenant>> load(long tenantId) {
        return db.sql("select " + COLUMNS + " from tenants where tenant_id = :id")
                .bind("id", tenantId)
                .map(TenantDirectory::tenant)
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private static Tenant tenant(Readable row) {
        return new Tenant(row.get("tenant_id", Long.class), row.get("name", String.class),
                ZoneId.of(row.get("time_zone", String.class)), row.get("currency", String.class).trim());
    }
}
