package com.funnelgate.adconnectors.adroll;

import static com.funnelgate.adconnectors.AdNetwork.ADROLL;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.AdSpendClient;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.adconnectors.CredentialStore;
import com.funnelgate.adconnectors.internal.AccessTokenCache;
import com.funnelgate.adconnectors.internal.Fetches;
import com.funnelgate.adconnectors.internal.HttpCaller;
import com.funnelgate.adconnectors.internal.Json;
import com.funnelgate.adconnectors.internal.OAuthToken;
import com.funnelgate.adconnectors.internal.OAuthTokenEndpoint;
import com.funnelgate.adconnectors.internal.RefreshingTokens;
import com.funnelgate.adconnectors.internal.Replies;
import com.funnelgate.adconnectors.internal.StoredCredentials;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * AdRoll (NextRoll) GraphQL Reporting API client: one query per fetch
 * ({@code POST /reporting/api/v1/query?apikey=...}) for an advertisable's campaigns' {@code byDate}
 * metrics. There is no paging. Days are UTC ({@link #dayZone} says so) and the range is sent
 * end-exclusive.
 *
 * <p>Auth: with a refresh token, an OAuth access token ({@code Authorization: Bearer}) obtained at
 * {@code /auth/token}, cached, one refresh per account at a time. AdRoll rotates refresh tokens: the
 * new one is handed to {@link CredentialStore#refreshTokenRotated} before the access token is used,
 * and kept in memory in case persisting failed. A 401 drops the token, refreshes and retries once.
 * With only an access token, it is sent as a personal access token ({@code Authorization: Token}).
 */
public final class AdRollClient implements AdSpendClient, AutoCloseable {

    private final AdRollSettings settings;
    private final CredentialStore credentials;
    private final HttpCaller http;
    private final OAuthTokenEndpoint endpoint;
    private final RefreshingTokens tokens;
    private final Map<String, Rotation> rotations = new ConcurrentHashMap<>();

    /** A refresh token that replaced {@code replaced} (the stored one) but may not be persisted yet. */
    private record Rotation(String replaced, String current) {
    }

    /** A client with its own connection pool. */
    public AdRollClient(AdRollSettings settings, CredentialStore credentials) {
        this(settings, credentials, HttpCaller.create(ADROLL, settings.requestTimeout(), settings.maxConnections()));
    }

    /** A client over a caller-configured WebClient. */
    public AdRollClient(AdRollSettings settings, CredentialStore credentials, WebClient.Builder webClient) {
        this(settings, credentials, HttpCaller.create(ADROLL, settings.requestTimeout(), webClient));
    }

    private AdRollClient(AdRollSettings settings, CredentialStore credentials, HttpCaller http) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = http;
        this.endpoint = new OAuthTokenEndpoint(ADROLL, http, settings.resolvedTokenUrl(), settings.clientId(),
                settings.clientSecret());
        this.tokens = new RefreshingTokens(ADROLL, new AccessTokenCache(settings.tokenExpirySkew()), this::refresh);
    }

    @Override
    public AdNetwork network() {
        return ADROLL;
    }

    /** AdRoll reports every day in UTC. */
    @Override
    public Optional<ZoneId> dayZone(AdAccount account) {
        return Optional.of(ZoneOffset.UTC);
    }

    @Override
    public Flux<AdSpendRow> fetchDaily(AdAccount account, LocalDate from, LocalDate to) {
        return Fetches.allOrNothing(ADROLL, account, from, to, () -> {
            if (!AdRollQuery.validEid(account.externalId())) {
                return Mono.error(new AdNetworkException.InvalidRequest(ADROLL,
                        "advertisable eid has unexpected characters", null));
            }
            String currency = AdRollQuery.currency(account);
            byte[] body = body(AdRollQuery.document(account.externalId(), from, to, currency));
            return StoredCredentials.load(ADROLL, credentials, account)
                    .flatMap(creds -> tokens.withToken(account, creds,
                            (token, refreshed) -> query(account, currency, body, refreshed ? "Bearer " : "Token ", token)));
        });
    }

    @Override
    public void close() {
        http.close();
    }

    private Mono<List<AdSpendRow>> query(AdAccount account, String currency, byte[] body, String scheme,
                                         String token) {
        String apiKey = settings.apiKey() == null ? "" : URLEncoder.encode(settings.apiKey(), StandardCharsets.UTF_8);
        URI uri = URI.create(AdRollSettings.trimSlash(settings.baseUrl()) + "/reporting/api/v1/query?apikey=" + apiKey);
        return http.send(client -> client.post().uri(uri)
                        .header(HttpHeaders.AUTHORIZATION, scheme + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .bodyValue(body))
                .map(reply -> {
                    if (!reply.isSuccess()) {
                        throw AdRollErrors.classify(reply);
                    }
                    if (!reply.isJson()) {
                        throw Replies.unexpectedContentType(ADROLL, reply);
                    }
                    return AdRollQuery.rows(account, currency, Json.parse(ADROLL, reply.body()));
                });
    }

    private Mono<OAuthToken> refresh(AdAccount account) {
        String key = account.tokenKey();
        return StoredCredentials.load(ADROLL, credentials, account)
                .filter(AccountCredentials::hasRefreshToken)
                .switchIfEmpty(Mono.error(() -> new AdNetworkException.CredentialsRejected(ADROLL,
                        "no refresh token stored for account " + account.externalId(), null)))
                .flatMap(creds -> {
                    String stored = creds.refreshToken();
                    Rotation rotation = rotations.get(key);
                    String current = rotation != null && rotation.replaced().equals(stored) ? rotation.current() : stored;
                    return endpoint.refresh(current).flatMap(fresh -> {
                        if (fresh.refreshToken() == null || Objects.equals(fresh.refreshToken(), current)) {
                            return Mono.just(fresh);
                        }
                        rotations.put(key, new Rotation(stored, fresh.refreshToken()));
                        return StoredCredentials.rotated(ADROLL, credentials, account, fresh.refreshToken())
                                .thenReturn(fresh);
                    });
                });
    }

    private static byte[] body(String document) {
        ObjectNode body = Json.object();
        body.put("query", document);
        return Json.bytes(body);
    }
}
