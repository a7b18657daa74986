package com.funnelgate.adconnectors.sandbox;

import com.funnelgate.adconnectors.AdNetwork;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An in-process HTTP server that speaks the Meta Insights, Google Ads REST and AdRoll GraphQL
 * reporting wire formats on one port, so the real clients run against it with only their base URL
 * switched (Google's token URL derives to {@code <base>/token}, AdRoll's to {@code <base>/auth/token}).
 * Data comes from {@link SandboxCatalog}: deterministic per network, account, campaign and day.
 *
 * <p>Controls are thread-safe and take effect for the next request: per-network latency (a
 * non-blocking {@code Mono.delay}), per-network or per-account {@link SandboxFault}s, {@link #reset()}
 * back to normal, and per-network counters of report-API requests and token requests. Handlers never
 * block, so the sandbox holds up under concurrent load with latency switched on.
 *
 * <pre>{@code
 * try (AdNetworkSandbox sandbox = AdNetworkSandbox.start()) {
 *     MetaInsightsClient meta = new MetaInsightsClient(MetaSettings.defaults().withBaseUrl(sandbox.baseUrl()), store);
 *     sandbox.setFault(AdNetwork.META, SandboxFault.THROTTLE);
 * }
 * }</pre>
 */
public final class AdNetworkSandbox implements AutoCloseable {

    private final ChannelGroup openChannels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final DisposableServer server;
    private final URI baseUrl;
    private final List<SandboxNetwork> networks;
    private final SandboxOAuth oauth = new SandboxOAuth();
    private final Map<AdNetwork, Duration> latency = new ConcurrentHashMap<>();
    private final Map<AdNetwork, SandboxFault> faults = new ConcurrentHashMap<>();
    private final Map<String, SandboxFault> accountFaults = new ConcurrentHashMap<>();
    private final Map<AdNetwork, AtomicLong> requests = counters();
    private final Map<AdNetwork, AtomicLong> tokenRequests = counters();

    private AdNetworkSandbox(SandboxOptions options) {
        String[] base = new String[1];
        this.networks = List.of(new AdRollSandbox(), new GoogleAdsSandbox(options),
                new MetaSandbox(options, () -> base[0]));
        this.server = HttpServer.create()
                .host(options.host())
                .port(options.port())
                .doOnConnection(connection -> openChannels.add(connection.channel()))
                .handle(this::handle)
                .bindNow();
        this.baseUrl = URI.create("http://" + options.host() + ":" + server.port());
        base[0] = baseUrl.toString();
    }

    /** Starts a sandbox on a free loopback port with default options. */
    public static AdNetworkSandbox start() {
        return start(SandboxOptions.defaults());
    }

    /** Starts a sandbox; returns once it is listening. */
    public static AdNetworkSandbox start(SandboxOptions options) {
        return new AdNetworkSandbox(Objects.requireNonNull(options, "options"));
    }

    /** {@code http://host:port}, the base URL to give every client. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** Delays every answer of {@code network} by {@code delay} (zero for none). */
    public void setLatency(AdNetwork network, Duration delay) {
        latency.put(network, delay.isNegative() ? Duration.ZERO : delay);
    }

    /** Makes every report request of {@code network} fail with {@code fault} ({@code NONE} to stop). */
    public void setFault(AdNetwork network, SandboxFault fault) {
        faults.put(network, fault);
    }

    /**
     * Makes report requests for one account fail with {@code fault} ({@code NONE} to stop); it wins
     * over the network-wide fault. Meta account ids may be given with or without {@code act_}.
     */
    public void setFault(AdNetwork network, String accountId, SandboxFault fault) {
        accountFaults.put(accountKey(network, accountId), fault);
    }

    /**
     * Back to normal: no latency, no faults, and every AdRoll refresh token usable again (the sandbox
     * otherwise rejects a rotated-away token, as AdRoll does). Counters are kept (see
     * {@link #resetCounters()}).
     */
    public void reset() {
        latency.clear();
        faults.clear();
        accountFaults.clear();
        oauth.reset();
    }

    /** Report-API requests {@code network} received (token requests not included). */
    public long requestCount(AdNetwork network) {
        return requests.get(network).get();
    }

    /** OAuth token requests {@code network}'s token endpoint received. */
    public long tokenRequestCount(AdNetwork network) {
        return tokenRequests.get(network).get();
    }

    /** Sets all counters to zero. */
    public void resetCounters() {
        requests.values().forEach(counter -> counter.set(0));
        tokenRequests.values().forEach(counter -> counter.set(0));
    }

    /** Stops listening and closes open connections, including hanging ones. */
    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        openChannels.close();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .flatMap(body -> answer(SandboxRequest.of(request.method().name(), request.uri(),
                        request.requestHeaders(), body)))
                .onErrorResume(e -> Mono.just(SandboxResponse.json(500,
                        "{\"error\":\"sandbox failure: " + e.getClass().getSimpleName() + "\"}")))
                .flatMap(answer -> {
                    response.status(answer.status()).header("Content-Type", answer.contentType());
                    answer.headers().forEach(response::header);
                    return response.sendByteArray(Mono.just(answer.body())).then();
                });
    }

    private Mono<SandboxResponse> answer(SandboxRequest request) {
        AdNetwork tokenNetwork = oauth.networkOf(request);
        if (tokenNetwork != null) {
            tokenRequests.get(tokenNetwork).incrementAndGet();
            SandboxFault fault = faults.getOrDefault(tokenNetwork, SandboxFault.NONE);
            return delayed(tokenNetwork, fault, () -> fault == SandboxFault.CREDENTIALS_REJECTED
                    ? SandboxOAuth.rejected() : oauth.handle(tokenNetwork, request));
        }
        for (SandboxNetwork network : networks) {
            if (network.serves(request)) {
                requests.get(network.network()).incrementAndGet();
                SandboxFault fault = faultFor(network, request);
                return delayed(network.network(), fault, () -> fault == SandboxFault.NONE
                        ? network.handle(request) : network.fault(fault, request));
            }
        }
        return Mono.just(SandboxResponse.json(404, "{\"error\":\"no sandbox route for " + request.path() + "\"}"));
    }

    private Mono<SandboxResponse> delayed(AdNetwork network, SandboxFault fault,
                                          java.util.function.Supplier<SandboxResponse> answer) {
        Duration delay = latency.getOrDefault(network, Duration.ZERO);
        Mono<SandboxResponse> result = fault == SandboxFault.HANG ? Mono.never() : Mono.fromSupplier(answer);
        return delay.isZero() ? result : Mono.delay(delay).then(result);
    }

    private SandboxFault faultFor(SandboxNetwork network, SandboxRequest request) {
        String account = network.accountOf(request);
        SandboxFault byAccount = account == null ? null : accountFaults.get(accountKey(network.network(), account));
        if (byAccount != null) {
            return byAccount;
        }
        return faults.getOrDefault(network.network(), SandboxFault.NONE);
    }

    private static String accountKey(AdNetwork network, String accountId) {
        return network + "|" + SandboxCatalog.normalise(network, accountId);
    }

    private static Map<AdNetwork, AtomicLong> counters() {
        Map<AdNetwork, AtomicLong> counters = new EnumMap<>(AdNetwork.class);
        for (AdNetwork network : AdNetwork.values()) {
            counters.put(network, new AtomicLong());
        }
        return counters;
    }
}
