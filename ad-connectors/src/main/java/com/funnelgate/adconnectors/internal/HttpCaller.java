package com.funnelgate.adconnectors.internal;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException.Transient.Reason;
import com.funnelgate.adconnectors.AdNetworkException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends one HTTP request and reads the whole response, within a timeout, turning every transport
 * failure into a {@link AdNetworkException.Transient}: timeout, connection refused or reset,
 * premature close, oversized body. Cancelling the returned {@code Mono} cancels the exchange and
 * releases (closes) its connection. Messages never include the request URL, which may carry tokens.
 */
public final class HttpCaller implements AutoCloseable {

    /** Upper bound for one response body held in memory. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final AdNetwork network;
    private final WebClient webClient;
    private final Duration timeout;
    private final ConnectionProvider ownedPool;

    private HttpCaller(AdNetwork network, WebClient webClient, Duration timeout, ConnectionProvider ownedPool) {
        this.network = network;
        this.webClient = webClient;
        this.timeout = timeout;
        this.ownedPool = ownedPool;
    }

    /** A caller with its own connection pool of at most {@code maxConnections} connections. */
    public static HttpCaller create(AdNetwork network, Duration timeout, int maxConnections) {
        ConnectionProvider pool = ConnectionProvider.builder("funnelgate-" + network.name().toLowerCase())
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        WebClient.Builder builder = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)));
        return new HttpCaller(network, withLimits(builder), timeout, pool);
    }

    /** A caller over a WebClient the caller configured (and whose resources it owns). */
    public static HttpCaller create(AdNetwork network, Duration timeout, WebClient.Builder builder) {
        return new HttpCaller(network, withLimits(builder.clone()), timeout, null);
    }

    private static WebClient withLimits(WebClient.Builder builder) {
        return builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES)).build();
    }

    /** Sends the request {@code spec} builds and reads the full reply. */
    public Mono<HttpReply> send(Function<WebClient, WebClient.RequestHeadersSpec<?>> spec) {
        return Mono.defer(() -> spec.apply(webClient).exchangeToMono(this::read))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof AdNetworkException), this::transportFailure);
    }

    private Mono<HttpReply> read(ClientResponse response) {
        MediaType contentType = contentType(response);
        return response.bodyToMono(byte[].class)
                .defaultIfEmpty(EMPTY)
                .map(body -> new HttpReply(response.statusCode().value(), response.headers().asHttpHeaders(),
                        contentType, body));
    }

    private static MediaType contentType(ClientResponse response) {
        try {
            return response.headers().contentType().orElse(null);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private AdNetworkException transportFailure(Throwable error) {
        if (error instanceof TimeoutException) {
            return new AdNetworkException.Transient(network, Reason.TIMEOUT,
                    "no complete response within " + timeout.toMillis() + " ms", null);
        }
        if (error instanceof DataBufferLimitException) {
            return new AdNetworkException.Transient(network, Reason.MALFORMED_RESPONSE,
                    "response body larger than " + MAX_BODY_BYTES + " bytes", null);
        }
        Throwable root = error instanceof WebClientRequestException && error.getCause() != null
                ? error.getCause() : error;
        if (error instanceof WebClientRequestException || root instanceof IOException) {
            return new AdNetworkException.Transient(network, Reason.CONNECTION_FAILED,
                    "connection failed (" + root.getClass().getSimpleName() + ")", null);
        }
        return new AdNetworkException.Transient(network, Reason.CONNECTION_FAILED,
                "request failed (" + root.getClass().getSimpleName() + ")", null);
    }

    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.disposeLater().subscribe();
        }
    }
}
