package com.funnelgate.adconnectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AccessTokenCacheTests {

    private final AtomicInteger refreshes = new AtomicInteger();

    private Mono<OAuthToken> refresh(Duration lifetime) {
        return Mono.fromSupplier(() -> new OAuthToken("token-" + refreshes.incrementAndGet(), lifetime, null));
    }

    @Test
    void keepsATokenUntilShortlyBeforeItExpires() {
        StepVerifier.withVirtualTime(() -> {
                    AccessTokenCache cache = new AccessTokenCache(Duration.ofSeconds(60));
                    return cache.get("a", () -> refresh(Duration.ofSeconds(3600)))
                            .concatWith(Mono.delay(Duration.ofSeconds(3539)).then(cache.get("a", () -> refresh(null))))
                            .concatWith(Mono.delay(Duration.ofSeconds(2)).then(cache.get("a", () -> refresh(null))));
                })
                .expectNext("token-1")
                .thenAwait(Duration.ofSeconds(3539))
                .expectNext("token-1")
                .thenAwait(Duration.ofSeconds(2))
                .expectNext("token-2")
                .verifyComplete();
    }

    @Test
    void concurrentCallersShareOneRefresh() {
        StepVerifier.withVirtualTime(() -> {
                    AccessTokenCache cache = new AccessTokenCache(Duration.ZERO);
                    Mono<OAuthToken> slow = Mono.delay(Duration.ofSeconds(1)).then(refresh(Duration.ofHours(1)));
                    return Mono.zip(cache.get("a", () -> slow), cache.get("a", () -> slow), cache.get("a", () -> slow))
                            .map(t -> t.getT1() + t.getT2() + t.getT3());
                })
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("token-1token-1token-1")
                .verifyComplete();
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void aFailedRefreshIsNotCached() {
        AccessTokenCache cache = new AccessTokenCache(Duration.ZERO);
        AtomicInteger attempts = new AtomicInteger();
        Mono<OAuthToken> flaky = Mono.defer(() -> attempts.incrementAndGet() == 1
                ? Mono.error(new AdNetworkException.Transient(AdNetwork.GOOGLE_ADS,
                        AdNetworkException.Transient.Reason.TIMEOUT, "slow", null))
                : refresh(Duration.ofHours(1)));

        StepVerifier.create(cache.get("a", () -> flaky)).expectError(AdNetworkException.Transient.class).verify();
        StepVerifier.create(cache.get("a", () -> flaky)).expectNext("token-1").verifyComplete();
    }

    @Test
    void invalidateDropsOnlyTheRejectedToken() {
        AccessTokenCache cache = new AccessTokenCache(Duration.ZERO);
        StepVerifier.create(cache.get("a", () -> refresh(Duration.ofHours(1)))).expectNext("token-1").verifyComplete();

        cache.invalidate("a", "some-older-token");
        StepVerifier.create(cache.get("a", () -> refresh(Duration.ofHours(1)))).expectNext("token-1").verifyComplete();

        cache.invalidate("a", "token-1");
        StepVerifier.create(cache.get("a", () -> refresh(Duration.ofHours(1)))).expectNext("token-2").verifyComplete();
    }

    @Test
    void accountsHaveSeparateTokens() {
        AccessTokenCache cache = new AccessTokenCache(Duration.ZERO);
        StepVerifier.create(cache.get("a", () -> refresh(Duration.ofHours(1)))).expectNext("token-1").verifyComplete();
        StepVerifier.create(cache.get("b", () -> refresh(Duration.ofHours(1)))).expectNext("token-2").verifyComplete();
    }
}
