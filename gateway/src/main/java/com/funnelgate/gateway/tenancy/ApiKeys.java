package com.funnelgate.gateway.tenancy;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API keys: creates them and resolves a presented secret to its {@link Caller}. Only a SHA-256 hash
 * of each secret is stored (keys are long random tokens, so a fast hash is enough). Resolutions are
 * cached for a minute, so a revoked key stops working within that time.
 */
@Component
public class ApiKeys {

    private static final String LOOKUP = """
            select k.key_id, k.role, array_remove(array_agg(t.tenant_id), null) as tenant_ids
            from api_keys k left join api_key_tenants t on t.key_id = k.key_id
            where k.key_hash = :hash and k.revoked_at is null
            group by k.key_id, k.role""";

    private final DatabaseClient db;
    private final AsyncLoadingCache<String, Optional<Caller>> cache;

    public ApiKeys(DatabaseClient db) {
        this.db = db;
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofMinutes(1))
                .buildAsync((hash, executor) -> load(HexFormat.of().parseHex(hash)).toFuture());
    }

    /** The caller a presented secret stands for, or empty when the key is unknown or revoked. */
    public Mono<Caller> resolve(String secret) {
        String hash = HexFormat.of().formatHex(sha256(secret));
        return Mono.fromFuture(() -> cache.get(hash), true).flatMap(Mono::justOrEmpty);
    }

    /** Stores a new key; the secret itself is not kept. */
    public Mono<Void> create(String keyId, String secret, Role role, String name, List<Long> tenantIds) {
        Mono<Long> key = db.sql("insert into api_keys (key_id, key_hash, role, name) values (:id, :hash, :role, :name)")
                .bind("id", keyId)
                .bind("hash", sha256(secret))
                .bind("role", role.name())
                .bind("name", name)
                .fetch().rowsUpdated();
        Flux<Long> scope = Flux.fromIterable(tenantIds).concatMap(tenantId -> db
                .sql("insert into api_key_tenants (tenant_id, key_id) values (:tenant, :id)")
                .bind("tenant", tenantId)
                .bind("id", keyId)
                .fetch().rowsUpdated());
        return key.thenMany(scope).then();
    }

    private Mono<Optional<Caller>> load(byte[] hash) {
        return db.sql(LOOKUP)
                .bind("hash", hash)
                .map(row -> new Caller(row.get("key_id", String.class), Role.valueOf(row.get("role", String.class)),
                        Set.copyOf(Arrays.asList(row.get("tenant_ids", Long[].class)))))
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
