package com.funnelgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cache's own rules, without Redis or Spring: tenants, ages, versions, single-flight (the decorator
 * built on them: {@link CachedSourceTests}).
 */
class TieredCacheTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CacheCodec<String> codec = new CacheCodec<>(JSON, JSON.getTypeFactory().constructType(String.class));
    private final TieredCache<String> cache = new TieredCache<>("funnel", 100, null, codec, new CacheMeters(registry), clock);

    @Test
    void anEntryIsNeverReturnedForAnotherTenant() {
        cache.put("same-key", entry("tenant 1's numbers", 1)).block();
        assertThat(cache.get(1, "same-key").block()).isPresent();
        assertThat(cache.get(2, "same-key").block()).isEmpty();
    }

    @Test
    void anEntryIsFreshThenStaleThenGone() {
        cache.put("k", entry("v", 1)).block();
        assertThat(cache.get(1, "k").block().orElseThrow().freshAt(clock.instant())).isTrue();
        clock.advance(Duration.ofMinutes(11));
        Cached<String> stale = cache.get(1, "k").block().orElseThrow();
        assertThat(stale.freshAt(clock.instant())).isFalse();
        assertThat(stale.servableAt(clock.instant())).isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(cache.get(1, "k").block()).isEmpty();
    }

    @Test
    void lookupsAreCountedByTierSourceAndResult() {
        cache.get(1, "absent").block();
        cache.put("k", entry("v", 1)).block();
        cache.get(1, "k").block();
        assertThat(registry.get("funnelgate.cache.lookups").tags("tier", "l1", "source", "funnel", "result", "miss")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("funnelgate.cache.lookups").tags("tier", "l1", "source", "funnel", "result", "hit")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void anEntryOfAnotherFormatVersionIsAMiss() {
        byte[] current = codec.encode(entry("v", 1));
        assertThat(codec.decode(current).value()).isEqualTo("v");
        byte[] older = new String(current).replace("\"v\":" + CacheCodec.VERSION, "\"v\":0").getBytes();
        assertThat(codec.decode(older)).isNull();
        assertThat(codec.decode("not json".getBytes())).isNull();
    }

    @Test
    void aCallerThatGivesUpDoesNotCancelTheSharedFetch() {
        SingleFlight<String, String> flights = new SingleFlight<>();
        AtomicInteger completed = new AtomicInteger();
        // Assembled on virtual time (inside the supplier), so the shared work ends, and leaves the flights,
        // before thenAwait returns.
        Supplier<Mono<String>> work = () -> Mono.delay(Duration.ofSeconds(2)).map(tick -> "done")
                .doOnNext(v -> completed.incrementAndGet());
        StepVerifier.withVirtualTime(() -> Mono.zip(
                        flights.run("k", work).timeout(Duration.ofSeconds(1)).onErrorReturn("gave up"),
                        flights.run("k", work)))
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(both -> {
                    assertThat(both.getT1()).isEqualTo("gave up");
                    assertThat(both.getT2()).isEqualTo("done");
                })
                .verifyComplete();
        assertThat(completed.get()).isEqualTo(1);
        assertThat(flights.inFlight()).isZero();
    }

    private Cached<String> entry(String value, long tenant) {
        Instant now = clock.instant();
        return new Cached<>(value, tenant, now, now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(1)));
    }
}
