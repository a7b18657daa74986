package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.cache.DataChanges;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The ad accounts of each tenant. Read on every blended report, so lists are cached for a minute;
 * adding an account clears its tenant's entry (and is a {@link DataChanges} change of the tenant, so
 * that cached answers built without the account are not served again from this replica).
 */
@Component
public class AdAccounts {

    private final DatabaseClient db;
    private final CredentialCipher cipher;
    private final AsyncLoadingCache<Long, List<TenantAdAccount>> cache;
    private final DataChanges changes;

    AdAccounts(DatabaseClient db, CredentialCipher cipher, DataChanges changes) {
        this.db = db;
        this.changes = changes;
        this.cipher = cipher;
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofMinutes(1))
                .buildAsync((tenantId, executor) -> load(tenantId).toFuture());
    }

    /** The tenant's accounts, ordered by network and external id. */
    public Mono<List<TenantAdAccount>> of(long tenantId) {
        return Mono.fromFuture(() -> cache.get(tenantId), true);
    }

    /** Connects an account to a tenant, storing its credentials encrypted. */
    public Mono<TenantAdAccount> create(long tenantId, AdNetwork network, String externalId, String name,
            String currency, ZoneId timeZone, AccountCredentials credentials) {
        String code = Currency.getInstance(currency).getCurrencyCode();
        return Mono.fromCallable(() -> cipher.encrypt(credentials))
                .flatMap(sealed -> db.sql("insert into ad_accounts (tenant_id, network, external_id, name, currency, "
                                + "time_zone, credentials) values (:tenant, :network, :external, :name, :currency, "
                                + ":zone, :credentials) returning account_id")
                        .bind("tenant", tenantId)
                        .bind("network", network.name())
                        .bind("external", externalId)
                        .bind("name", name)
                        .bind("currency", code)
                        .bind("zone", timeZone.getId())
                        .bind("credentials", sealed)
                        .map(row -> row.get(0, Long.class))
                        .one())
                .map(id -> new TenantAdAccount(tenantId, id, network, externalId, name, code, timeZone))
                .doOnSuccess(account -> {
                    changes.changed(tenantId);
                    cache.synchronous().invalidate(tenantId);
                    changes.changed(tenantId);
                });
    }

    private Mono<List<TenantAdAccount>> load(long tenantId) {
        return db.sql("select tenant_id, account_id, network, external_id, name, currency, time_zone "
                        + "from ad_accounts where tenant_id = :tenant order by network, external_id")
                .bind("tenant", tenantId)
                .map(AdAccounts::account)
                .all()
                .collectList();
    }

    private static TenantAdAccount account(Readable row) {
        return new TenantAdAccount(row.get("tenant_id", Long.class), row.get("account_id", Long.class),
                AdNetwork.valueOf(row.get("network", String.class)), row.get("external_id", String.class),
                row.get("name", String.class), row.get("currency", String.class).trim(),
                ZoneId.of(row.get("time_zone", String.class)));
    }
}
