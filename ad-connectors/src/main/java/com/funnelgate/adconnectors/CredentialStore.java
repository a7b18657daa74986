package com.funnelgate.adconnectors;

import reactor.core.publisher.Mono;

/**
 * Where clients get account credentials from, and where they hand back a rotated refresh token.
 * The gateway implements it over its encrypted store; {@link InMemoryCredentialStore} serves tests
 * and the demo.
 *
 * <p>Clients call {@link #load} once per fetch (or once per token refresh) and keep no secrets
 * beyond the access tokens they cache. When a network rotates refresh tokens (AdRoll), the client
 * calls {@link #refreshTokenRotated} with the new token before it uses the new access token; the
 * old refresh token no longer works at that point, so an implementation should persist atomically.
 * If persisting fails the fetch fails as {@link AdNetworkException.Transient}, and the client keeps
 * the new token in memory so that the next refresh in this process still works.
 */
public interface CredentialStore {

    /**
     * The credentials of {@code account}. Empty (or credentials without any token) ends the fetch
     * in {@link AdNetworkException.CredentialsRejected}.
     */
    Mono<AccountCredentials> load(AdAccount account);

    /** Persists the refresh token that replaced the stored one for {@code account}. */
    Mono<Void> refreshTokenRotated(AdAccount account, String newRefreshToken);
}
