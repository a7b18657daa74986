package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.CredentialStore;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The connectors' {@link CredentialStore}: account credentials from {@code ad_accounts}, decrypted
 * on use and kept decrypted in memory for a few minutes only. A rotated refresh token (AdRoll) is
 * encrypted and stored before the cache is updated, so a restart never loses it.
 */
@Component
class StoredCredentials implements CredentialStore {

    private final DatabaseClient db;
    private final CredentialCipher cipher;
    private final AsyncLoadingCache<String, AccountCredentials> cache;

    StoredCredentials(DatabaseClient db, CredentialCipher cipher) {
        this.db = db;
        this.cipher = cipher;
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofMinutes(5))
                .buildAsync((key, executor) -> read(key).toFuture());
    }

    @Override
    public Mono<AccountCredentials> load(AdAccount account) {
        return Mono.fromFuture(() -> cache.get(account.credentialsKey()), true);
    }

    @Override
    public Mono<Void> refreshTokenRotated(AdAccount account, String newRefreshToken) {
        String key = account.credentialsKey();
        return load(account)
                .map(old -> new AccountCredentials(old.accessToken(), newRefreshToken, old.loginCustomerId()))
                .flatMap(rotated -> where(db.sql("update ad_accounts set credentials = :credentials, updated_at = now() "
                                + "where tenant_id = :tenant and account_id = :account"), key)
                        .bind("credentials", cipher.encrypt(rotated))
                        .fetch().rowsUpdated()
                        .doOnSuccess(updated -> cache.put(key, CompletableFuture.completedFuture(rotated))))
                .then();
    }

    private Mono<AccountCredentials> read(String key) {
        return where(db.sql("select credentials from ad_accounts where tenant_id = :tenant and account_id = :account"), key)
                .map(row -> row.get(0, byte[].class))
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No stored credentials for account " + key)))
                .map(cipher::decrypt);
    }

    private static DatabaseClient.GenericExecuteSpec where(DatabaseClient.GenericExecuteSpec statement, String key) {
        int colon = key.indexOf(':');
        return statement.bind("tenant", Long.parseLong(key.substring(0, colon)))
                .bind("account", Long.parseLong(key.substring(colon + 1)));
    }
}
