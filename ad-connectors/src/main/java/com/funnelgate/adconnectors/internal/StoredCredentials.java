package com.funnelgate.adconnectors.internal;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.CredentialStore;
import reactor.core.publisher.Mono;

/**
 * Loads credentials through the gateway's {@link CredentialStore}: nothing stored is
 * {@link AdNetworkException.CredentialsRejected}; a failing store is a transient
 * {@code CREDENTIAL_STORE_FAILED} (its own exception is not kept: it may describe secrets).
 */
public final class StoredCredentials {

    private StoredCredentials() {
    }

    /** The account's credentials, or a classified error. */
    public static Mono<AccountCredentials> load(AdNetwork network, CredentialStore store, AdAccount account) {
        return Mono.defer(() -> store.load(account))
                .onErrorMap(e -> !(e instanceof AdNetworkException), e -> storeFailed(network, "load credentials"))
                .switchIfEmpty(Mono.error(() -> new AdNetworkException.CredentialsRejected(network,
                        "no credentials stored for account " + account.externalId(), null)));
    }

    /** Persists a rotated refresh token, classifying a store failure. */
    public static Mono<Void> rotated(AdNetwork network, CredentialStore store, AdAccount account, String refreshToken) {
        return Mono.defer(() -> store.refreshTokenRotated(account, refreshToken))
                .onErrorMap(e -> !(e instanceof AdNetworkException),
                        e -> storeFailed(network, "persist the rotated refresh token"));
    }

    private static AdNetworkException storeFailed(AdNetwork network, String what) {
        return new AdNetworkException.Transient(network, AdNetworkException.Transient.Reason.CREDENTIAL_STORE_FAILED,
                "credential store failed to " + what, null);
    }
}
