package com.funnelgate.adconnectors;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A thread-safe {@link CredentialStore} kept in memory for tests and the demo, keyed like the
 * clients' token cache ({@link AdAccount#tokenKey()}): accounts sharing a {@code credentialsKey}
 * share credentials. A rotated refresh token replaces the stored one.
 */
public final class InMemoryCredentialStore implements CredentialStore {

    private final Map<String, AccountCredentials> credentials = new ConcurrentHashMap<>();

    /** Stores (or replaces) the credentials of {@code account}; returns this store. */
    public InMemoryCredentialStore put(AdAccount account, AccountCredentials value) {
        credentials.put(key(account), value);
        return this;
    }

    /** The credentials currently stored for {@code account}, or {@code null}. */
    public AccountCredentials get(AdAccount account) {
        return credentials.get(key(account));
    }

    @Override
    public Mono<AccountCredentials> load(AdAccount account) {
        return Mono.fromCallable(() -> credentials.get(key(account)));
    }

    @Override
    public Mono<Void> refreshTokenRotated(AdAccount account, String newRefreshToken) {
        return Mono.fromRunnable(() -> credentials.computeIfPresent(key(account),
                (k, old) -> new AccountCredentials(old.accessToken(), newRefreshToken, old.loginCustomerId())));
    }

    private static String key(AdAccount account) {
        return account.tokenKey();
    }
}
