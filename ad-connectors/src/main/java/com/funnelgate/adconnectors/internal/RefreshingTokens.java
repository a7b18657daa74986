package com.funnelgate.adconnectors.internal;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Runs a call with an OAuth access token obtained by refresh, cached in an {@link AccessTokenCache}
 * (one refresh per account at a time). If the call fails with
 * {@link AdNetworkException.CredentialsRejected}, the token is dropped, refreshed once more and the
 * call repeated once; a second rejection stands. Credentials holding only an access token are used
 * as they are, without cache or retry.
 */
public final class RefreshingTokens {

    private final AdNetwork network;
    private final AccessTokenCache cache;
    private final Function<AdAccount, Mono<OAuthToken>> refresh;

    /**
     * @param refresh performs one refresh for an account (loading its refresh token itself, lazily)
     */
    public RefreshingTokens(AdNetwork network, AccessTokenCache cache, Function<AdAccount, Mono<OAuthToken>> refresh) {
        this.network = network;
        this.cache = cache;
        this.refresh = refresh;
    }

    /**
     * Calls {@code call(token, refreshed)} where {@code refreshed} says whether the token came from a
     * refresh (false for a stored access token used as is).
     */
    public <T> Mono<T> withToken(AdAccount account, AccountCredentials credentials,
                                 BiFunction<String, Boolean, Mono<T>> call) {
        if (credentials == null || (!credentials.hasRefreshToken() && !credentials.hasAccessToken())) {
            return Mono.error(new AdNetworkException.CredentialsRejected(network,
                    "no credentials stored for account " + account.externalId(), null));
        }
        if (!credentials.hasRefreshToken()) {
            return call.apply(credentials.accessToken(), false);
        }
        String key = account.tokenKey();
        return token(account).flatMap(token -> call.apply(token, true)
                .onErrorResume(AdNetworkException.CredentialsRejected.class, rejected -> {
                    cache.invalidate(key, token);
                    return token(account).flatMap(fresh -> call.apply(fresh, true));
                }));
    }

    private Mono<String> token(AdAccount account) {
        return cache.get(account.tokenKey(), () -> Mono.defer(() -> refresh.apply(account)));
    }
}
