package com.funnelgate.adconnectors.googleads;

import static com.funnelgate.adconnectors.AdNetwork.GOOGLE_ADS;

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
import com.funnelgate.adconnectors.internal.Pages;
import com.funnelgate.adconnectors.internal.RefreshingTokens;
import com.funnelgate.adconnectors.internal.Replies;
import com.funnelgate.adconnectors.internal.StoredCredentials;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Ads API (REST) client: runs a GAQL campaign query segmented by {@code segments.date}
 * through {@code googleAds:search} (following {@code nextPageToken}, resending the identical query)
 * or {@code googleAds:searchStream} (one array of batches), per {@link GoogleAdsSettings#method()}.
 *
 * <p>Auth: a Bearer access token obtained from the account's refresh token at the OAuth token
 * endpoint, cached until shortly before expiry, one refresh per account at a time; a 401
 * ({@code UNAUTHENTICATED}) drops the token, refreshes and retries the fetch once. A refresh answered
 * {@code invalid_grant} is {@link AdNetworkException.CredentialsRejected}. Sends
 * {@code developer-token} when configured and {@code login-customer-id} when the credentials name a
 * manager. Days are in the account's time zone, as Google reports them.
 */
public final class GoogleAdsClient implements AdSpendClient, AutoCloseable {

    private static final Pattern CUSTOMER_ID = Pattern.compile("\\d{1,20}");

    private final GoogleAdsSettings settings;
    private final CredentialStore credentials;
    private final HttpCaller http;
    private final RefreshingTokens tokens;

    /** A client with its own connection pool. */
    public GoogleAdsClient(GoogleAdsSettings settings, CredentialStore credentials) {
        this(settings, credentials, HttpCaller.create(GOOGLE_ADS, settings.requestTimeout(), settings.maxConnections()));
    }

    /** A client over a caller-configured WebClient. */
    public GoogleAdsClient(GoogleAdsSettings settings, CredentialStore credentials, WebClient.Builder webClient) {
        this(settings, credentials, HttpCaller.create(GOOGLE_ADS, settings.requestTimeout(), webClient));
    }

    private GoogleAdsClient(GoogleAdsSettings settings, CredentialStore credentials, HttpCaller http) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = http;
        OAuthTokenEndpoint endpoint = new OAuthTokenEndpoint(GOOGLE_ADS, http, settings.resolvedTokenUrl(),
                settings.clientId(), settings.clientSecret());
        this.tokens = new RefreshingTokens(GOOGLE_ADS, new AccessTokenCache(settings.tokenExpirySkew()),
                account -> refresh(endpoint, account));
    }

    @Override
    public AdNetwork network() {
        return GOOGLE_ADS;
    }

    @Override
    public Flux<AdSpendRow> fetchDaily(AdAccount account, LocalDate from, LocalDate to) {
        return Fetches.allOrNothing(GOOGLE_ADS, account, from, to, () -> {
            String customerId = account.externalId().replace("-", "").trim();
            if (!CUSTOMER_ID.matcher(customerId).matches()) {
                return Mono.error(new AdNetworkException.InvalidRequest(GOOGLE_ADS,
                        "customer id must be digits: " + account.externalId(), null));
            }
            String gaql = gaql(from, to);
            return StoredCredentials.load(GOOGLE_ADS, credentials, account)
                    .flatMap(creds -> tokens.withToken(account, creds,
                            (token, refreshed) -> report(account, customerId, creds, token, gaql)));
        });
    }

    @Override
    public void close() {
        http.close();
    }

    static String gaql(LocalDate from, LocalDate to) {
        return "SELECT customer.id, customer.currency_code, customer.time_zone, campaign.id, campaign.name, "
                + "segments.date, metrics.cost_micros, metrics.impressions, metrics.clicks, metrics.conversions "
                + "FROM campaign WHERE segments.date BETWEEN '" + from + "' AND '" + to + "' "
                + "ORDER BY segments.date ASC";
    }

    private Mono<OAuthToken> refresh(OAuthTokenEndpoint endpoint, AdAccount account) {
        return StoredCredentials.load(GOOGLE_ADS, credentials, account)
                .filter(AccountCredentials::hasRefreshToken)
                .switchIfEmpty(Mono.error(() -> new AdNetworkException.CredentialsRejected(GOOGLE_ADS,
                        "no refresh token stored for account " + account.externalId(), null)))
                .flatMap(creds -> endpoint.refresh(creds.refreshToken()));
    }

    private Mono<List<AdSpendRow>> report(AdAccount account, String customerId, AccountCredentials creds,
                                          String token, String gaql) {
        if (settings.method() == GoogleAdsSettings.SearchMethod.SEARCH_STREAM) {
            return post(customerId, "searchStream", creds, token, request(gaql, null))
                    .map(body -> GoogleAdsRows.stream(account, body));
        }
        return Pages.collect(GOOGLE_ADS, settings.maxPages(),
                post(customerId, "search", creds, token, request(gaql, null))
                        .map(body -> GoogleAdsRows.searchPage(account, body)),
                pageToken -> post(customerId, "search", creds, token, request(gaql, pageToken))
                        .map(body -> GoogleAdsRows.searchPage(account, body)));
    }

    private static byte[] request(String gaql, String pageToken) {
        ObjectNode body = Json.object();
        body.put("query", gaql);
        if (pageToken != null) {
            body.put("pageToken", pageToken);
        }
        return Json.bytes(body);
    }

    private Mono<JsonNode> post(String customerId, String method, AccountCredentials creds, String token,
                                byte[] body) {
        URI uri = URI.create(GoogleAdsSettings.trimSlash(settings.baseUrl()) + "/" + settings.apiVersion()
                + "/customers/" + customerId + "/googleAds:" + method);
        return http.send(client -> client.post().uri(uri)
                        .headers(headers -> {
                            headers.setBearerAuth(token);
                            if (settings.developerToken() != null) {
                                headers.set("developer-token", settings.developerToken());
                            }
                            if (creds.loginCustomerId() != null) {
                                headers.set("login-customer-id", creds.loginCustomerId().replace("-", ""));
                            }
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .bodyValue(body))
                .map(reply -> {
                    if (!reply.isSuccess()) {
                        throw GoogleAdsErrors.classify(reply);
                    }
                    if (!reply.isJson()) {
                        throw Replies.unexpectedContentType(GOOGLE_ADS, reply);
                    }
                    return Json.parse(GOOGLE_ADS, reply.body());
                });
    }
}
