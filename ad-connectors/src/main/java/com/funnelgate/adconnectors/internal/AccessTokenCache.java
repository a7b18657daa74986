package com.funnelgate.adconnectors.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Caches access tokens per account until shortly before they expire, and collapses concurrent
 * refreshes for one account into a single call: every subscriber that arrives while a refresh is in
 * flight gets that refresh's result. A failed refresh is not cached. {@link #invalidate} drops a
 * token the network rejected, so that the next {@link #get} refreshes, unless another caller has
 * already replaced it. Expiry runs on Reactor's clock, so virtual time drives it in tests.
 */
public final class AccessTokenCache {

    /** How long a token is kept when the server did not say how long it lives. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

    private final Duration expirySkew;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** A cache that treats tokens as expired {@code expirySkew} before their stated expiry. */
    public AccessTokenCache(Duration expirySkew) {
        this.expirySkew = expirySkew;
    }

    /**
     * The cached token for {@code key}, or the result of {@code refresh} (which must be lazy: it is
     * subscribed again whenever the cached token has expired).
     */
    public Mono<String> get(String key, Supplier<Mono<OAuthToken>> refresh) {
        return Mono.defer(() -> slots.computeIfAbsent(key, k -> new Slot(refresh.get())).token);
    }

    /** Forgets {@code staleToken} for {@code key} if it is still the cached one. */
    public void invalidate(String key, String staleToken) {
        slots.computeIfPresent(key, (k, slot) -> staleToken.equals(slot.current) ? null : slot);
    }

    private final class Slot {
        private volatile String current;
        private final Mono<String> token;

        Slot(Mono<OAuthToken> refresh) {
            this.token = refresh
                    .doOnNext(fresh -> current = fresh.accessToken())
                    .cache(this::lifetime, error -> Duration.ZERO, () -> Duration.ZERO)
                    .map(OAuthToken::accessToken);
        }

        private Duration lifetime(OAuthToken token) {
            Duration lifetime = token.expiresIn() == null ? DEFAULT_LIFETIME : token.expiresIn().minus(expirySkew);
            return lifetime.isNegative() ? Duration.ZERO : lifetime;
        }
    }
}
