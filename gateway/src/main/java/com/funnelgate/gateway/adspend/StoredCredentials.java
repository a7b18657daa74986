package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.CredentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The connectors' {@link CredentialStore}: account credentials from {@code ad_accounts}, decrypted
 * on use. They are read from the database each time rather than kept in memory, so every replica
 * sees an AdRoll refresh token another replica rotated (the old one is revoked), and secrets do not
 * linger. (Access tokens obtained from them are cached by the connectors.) An account without
 * credentials, or whose credentials cannot be decrypted (a wrong key), answers empty, which the
 * connectors report as rejected credentials for that account alone.
 */
@Component
class StoredCredentials implements CredentialStore {

    private static final Logger log = LoggerFactory.getLogger(StoredCredentials.class);

    private final DatabaseClient db;
    private final CredentialCipher cipher;

    StoredCredentials(DatabaseClient db, CredentialCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public Mono<AccountCredentials> load(AdAccount account) {
        String key = account.credentialsKey();
        return where(db.sql("select credentials from ad_accounts where tenant_id = :tenant and account_id = :account"), key)
                .map(row -> row.get(0, byte[].class))
                .one()
                .flatMap(sealed -> Mono.fromCallable(() -> cipher.decrypt(sealed))
                        .onErrorResume(error -> {
                            log.error("The credentials of ad account {} cannot be decrypted: is "
                                    + "funnelgate.credentials.* the key they were stored with?", key);
                            return Mono.empty();
                        }));
    }

    @Override
    public Mono<Void> refreshTokenRotated(AdAccount account, String newRefreshToken) {
        return load(account)
                .map(old -> new AccountCredentials(old.accessToken(), newRefreshToken, old.loginCustomerId()))
                .flatMap(rotated -> where(db.sql("update ad_accounts set credentials = :credentials, updated_at = now() "
                                + "where tenant_id = :tenant and account_id = :account"), account.credentialsKey())
                        .bind("credentials", cipher.encrypt(rotated))
                        .fetch().rowsUpdated())
                .then();
    }

    private static DatabaseClient.GenericExecuteSpec where(DatabaseClient.GenericExecuteSpec statement, String key) {
        int colon = key.indexOf(':');
        return statement.bind("tenant", Long.parseLong(key.substring(0, colon)))
                .bind("account", Long.parseLong(key.substring(colon + 1)));
    }
}
