package com.funnelgate.adconnectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Test helpers: example bodies from {@code src/test/resources} and fetch outcome checks. */
public final class Fixtures {

    /** An upper bound that keeps a broken test from hanging the build; never a timing assertion. */
    public static final Duration GUARD = Duration.ofSeconds(20);

    private Fixtures() {
    }

    /** A resource as text. */
    public static String body(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects a successful fetch. */
    public static List<AdSpendRow> rows(Flux<AdSpendRow> fetch) {
        List<AdSpendRow> rows = fetch.collectList().block(GUARD);
        assertThat(rows).isNotNull();
        return rows;
    }

    /**
     * Asserts that the fetch emitted no row and failed with {@code type}, then checks the error.
     */
    public static <T extends AdNetworkException> T failure(Flux<AdSpendRow> fetch, Class<T> type) {
        Throwable[] error = new Throwable[1];
        StepVerifier.create(fetch)
                .expectErrorSatisfies(e -> error[0] = e)
                .verify(GUARD);
        assertThat(error[0]).isInstanceOf(type);
        return type.cast(error[0]);
    }

    /** Like {@link #failure(Flux, Class)} with further checks. */
    public static <T extends AdNetworkException> T failure(Flux<AdSpendRow> fetch, Class<T> type, Consumer<T> check) {
        T error = failure(fetch, type);
        check.accept(error);
        return error;
    }
}
