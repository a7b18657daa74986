package com.funnelgate.adconnectors.googleads;

import static com.funnelgate.adconnectors.Fixtures.body;
import static com.funnelgate.adconnectors.Fixtures.failure;
import static com.funnelgate.adconnectors.Fixtures.rows;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException.Transient.Reason;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.adconnectors.Fixtures;
import com.funnelgate.adconnectors.InMemoryCredentialStore;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

class GoogleAdsClientTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SEARCH = "/v23/customers/1234567890/googleAds:search";
    private static final String STREAM = "/v23/customers/1234567890/googleAds:searchStream";
    private static final String ACCESS = "ya29.a0-test-access-token";
    private static final String REFRESH = "1//refresh-secret-abcdef";
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 1, 31);

    private final AdAccount account = AdAccount.of(AdNetwork.GOOGLE_ADS, "123-456-7890");
    private final InMemoryCredentialStore store = new InMemoryCredentialStore()
            .put(account, AccountCredentials.ofRefreshToken(REFRESH).withLoginCustomerId("987-654-3210"));
    private GoogleAdsClient client;

    @BeforeEach
    void setUp() {
        client = new GoogleAdsClient(settings(), store);
        wm.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(json(200, body("google-ads/13-oauth-token-refresh.constructed.json"))));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private GoogleAdsSettings settings() {
        return GoogleAdsSettings.defaults()
                .withBaseUrl(URI.create(wm.baseUrl()))
                .withClient("client-id.apps.googleusercontent.com", "client-secret-xyz")
                .withDeveloperToken("dev-token-123")
                .withRequestTimeout(Duration.ofSeconds(5));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private Flux<AdSpendRow> fetch() {
        return client.fetchDaily(account, FROM, TO);
    }

    private AdSpendRow row(String campaign, String name, LocalDate day, String spend, long impressions, long clicks,
                           String conversions) {
        return new AdSpendRow(AdNetwork.GOOGLE_ADS, account.externalId(), campaign, name, day, "USD",
                new BigDecimal(spend), impressions, clicks, new BigDecimal(conversions));
    }

    @Test
    void followsPageTokensWithTheIdenticalQueryAndConvertsMicros() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(not(matchingJsonPath("$.pageToken")))
                .willReturn(json(200, body("google-ads/01-search-campaign-daily-page1.constructed.json"))));
        wm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(matchingJsonPath("$.pageToken"))
                .willReturn(json(200, body("google-ads/02-search-campaign-daily-page2-last.constructed.json"))));

        assertThat(rows(fetch())).containsExactly(
                row("700001", "Test Campaign", FROM, "2", 1000, 100, "4.5"),
                row("700001", "Test Campaign", FROM.plusDays(1), "1.745", 912, 87, "3"),
                row("700002", "Brand - Exact", TO, "0.41", 233, 12, "1"));

        String query = GoogleAdsClient.gaql(FROM, TO);
        assertThat(query).contains("segments.date BETWEEN '2024-01-01' AND '2024-01-31'");
        wm.verify(postRequestedFor(urlPathEqualTo(SEARCH))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .withHeader("developer-token", equalTo("dev-token-123"))
                .withHeader("login-customer-id", equalTo("9876543210"))
                .withRequestBody(equalToJson("{\"query\":\"" + query + "\"}")));
        wm.verify(postRequestedFor(urlPathEqualTo(SEARCH)).withRequestBody(equalToJson("{\"query\":\"" + query
                + "\",\"pageToken\":\"CPii5aS87vfFTBAKGJvk36qpLiIWUW5SZk8xa1JPaXJVdXdIR05JUUpxZyoCVjMwADjUBkD___________8B\"}")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("client_id=client-id.apps.googleusercontent.com"))
                .withRequestBody(containing("client_secret=client-secret-xyz")));
    }

    @Test
    void readsEveryBatchOfASearchStream() {
        client = new GoogleAdsClient(settings().withMethod(GoogleAdsSettings.SearchMethod.SEARCH_STREAM), store);
        wm.stubFor(post(urlPathEqualTo(STREAM))
                .willReturn(json(200, body("google-ads/03-searchstream-campaign-daily.constructed.json"))));

        assertThat(rows(fetch())).containsExactly(
                row("700001", "Test Campaign", FROM, "2", 1000, 100, "4.5"),
                row("700001", "Test Campaign", FROM.plusDays(1), "1.745", 912, 87, "3"));
    }

    @Test
    void anErrorElementAfterDataBatchesFailsTheWholeStream() {
        client = new GoogleAdsClient(settings().withMethod(GoogleAdsSettings.SearchMethod.SEARCH_STREAM), store);
        String batches = body("google-ads/03-searchstream-campaign-daily.constructed.json").trim();
        String error = body("google-ads/10-error-searchstream-array.constructed.json").trim();
        String mixed = batches.substring(0, batches.length() - 1) + "," + error.substring(1);
        wm.stubFor(post(urlPathEqualTo(STREAM)).willReturn(json(200, mixed)));

        failure(fetch(), AdNetworkException.InvalidRequest.class,
                e -> assertThat(e.networkCode()).contains("queryError.REQUESTED_METRICS_FOR_MANAGER"));
    }

    @Test
    void anErrorArrayFromSearchStreamIsClassified() {
        client = new GoogleAdsClient(settings().withMethod(GoogleAdsSettings.SearchMethod.SEARCH_STREAM), store);
        wm.stubFor(post(urlPathEqualTo(STREAM))
                .willReturn(json(400, body("google-ads/10-error-searchstream-array.constructed.json"))));

        failure(fetch(), AdNetworkException.InvalidRequest.class);
    }

    @Test
    void cachesTheAccessTokenAcrossFetches() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(json(200, "{\"fieldMask\":\"campaign.id\"}")));

        assertThat(rows(fetch())).isEmpty();
        assertThat(rows(fetch())).isEmpty();

        wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
        wm.verify(2, postRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void concurrentFetchesShareOneTokenRefresh() {
        wm.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(json(200, body("google-ads/13-oauth-token-refresh.constructed.json")).withFixedDelay(200)));
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(json(200, "{}")));

        List<AdSpendRow> all = Flux.merge(fetch(), fetch(), fetch(), fetch(), fetch()).collectList().block(Fixtures.GUARD);

        assertThat(all).isEmpty();
        wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
        wm.verify(5, postRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheFetchRetried() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, body("google-ads/08-error-unauthenticated-401.constructed.json")))
                .willSetStateTo("refreshed"));
        wm.stubFor(post(urlPathEqualTo(SEARCH)).inScenario("expiry").whenScenarioStateIs("refreshed")
                .willReturn(json(200, body("google-ads/02-search-campaign-daily-page2-last.constructed.json"))));

        assertThat(rows(fetch())).containsExactly(row("700002", "Brand - Exact", TO, "0.41", 233, 12, "1"));

        wm.verify(2, postRequestedFor(urlPathEqualTo("/token")));
        wm.verify(2, postRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aSecondRejectionAfterRefreshMeansTheTenantMustReconnect() {
        wm.stubFor(post(urlPathEqualTo(SEARCH))
                .willReturn(json(401, body("google-ads/08-error-unauthenticated-401.constructed.json"))));

        failure(fetch(), AdNetworkException.CredentialsRejected.class,
                e -> assertThat(e.networkCode()).contains("authenticationError.OAUTH_TOKEN_EXPIRED"));

        wm.verify(2, postRequestedFor(urlPathEqualTo("/token")));
        wm.verify(2, postRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aRevokedRefreshTokenIsRejectedWithoutCallingTheApi() {
        wm.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(json(400, body("google-ads/14-oauth-invalid-grant-400.common.json"))));

        failure(fetch(), AdNetworkException.CredentialsRejected.class, e -> {
            assertThat(e.networkCode()).contains("invalid_grant");
            assertThat(e.getMessage()).doesNotContain(REFRESH).doesNotContain("client-secret-xyz");
        });

        wm.verify(0, postRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aStoredAccessTokenWithoutRefreshTokenIsUsedAsIs() {
        store.put(account, AccountCredentials.ofAccessToken("ya29.stored"));
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(json(200, "{}")));

        assertThat(rows(fetch())).isEmpty();

        wm.verify(postRequestedFor(urlPathEqualTo(SEARCH)).withHeader("Authorization", equalTo("Bearer ya29.stored"))
                .withoutHeader("login-customer-id"));
        wm.verify(0, postRequestedFor(urlPathEqualTo("/token")));
    }

    static Stream<Arguments> googleErrors() {
        return Stream.of(
                Arguments.of(429, "google-ads/07-error-quota-resource-exhausted-429.constructed.json",
                        AdNetworkException.RateLimited.class, "quotaError.RESOURCE_EXHAUSTED"),
                Arguments.of(429, "google-ads/07c-error-quota-temporarily-exhausted-429.constructed.json",
                        AdNetworkException.RateLimited.class, "quotaError.RESOURCE_TEMPORARILY_EXHAUSTED"),
                Arguments.of(403, "google-ads/09-error-permission-denied-403.constructed.json",
                        AdNetworkException.PermissionDenied.class, "authorizationError.USER_PERMISSION_DENIED"),
                Arguments.of(400, "google-ads/06w-error-invalid-argument-400.constructed.json",
                        AdNetworkException.InvalidRequest.class, "requestError.REQUIRED_FIELD_MISSING"),
                Arguments.of(500, "google-ads/12-error-internal-500.constructed.json",
                        AdNetworkException.Transient.class, "internalError.INTERNAL_ERROR"));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @MethodSource("googleErrors")
    void classifiesGoogleErrorsByTheirBody(int status, String file, Class<? extends AdNetworkException> type,
                                           String code) {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(json(status, body(file))));

        AdNetworkException error = failure(fetch(), type);

        assertThat(error.networkCode()).contains(code);
        assertThat(error.getMessage()).doesNotContain(ACCESS);
    }

    @Test
    void quotaErrorsCarryTheRetryDelayGoogleGave() {
        wm.stubFor(post(urlPathEqualTo(SEARCH))
                .willReturn(json(429, body("google-ads/07-error-quota-resource-exhausted-429.constructed.json"))));

        failure(fetch(), AdNetworkException.RateLimited.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(8962)));
    }

    @Test
    void aBareThrottleUsesRetryAfterHeader() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        failure(fetch(), AdNetworkException.RateLimited.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void aGatewayErrorPageIsTransient() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html>Bad Gateway</html>")));

        failure(fetch(), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR));
    }

    @Test
    void aSlowResponseEndsInATimeout() {
        client = new GoogleAdsClient(settings().withRequestTimeout(Duration.ofMillis(200)), store);
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(json(200, "{}").withFixedDelay(3_000)));

        failure(fetch(), AdNetworkException.Transient.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void aConnectionResetIsTransient() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        failure(fetch(), AdNetworkException.Transient.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_FAILED);
            assertThat(e.getMessage()).doesNotContain(ACCESS);
        });
    }

    @Test
    void aTruncatedBodyIsMalformed() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(json(200, "{\"results\":[{\"campaign\":{\"id\":\"7")));

        failure(fetch(), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @Test
    void aStreamThatIsNotAnArrayIsMalformed() {
        client = new GoogleAdsClient(settings().withMethod(GoogleAdsSettings.SearchMethod.SEARCH_STREAM), store);
        wm.stubFor(post(urlPathEqualTo(STREAM)).willReturn(json(200, "{\"results\":[]}")));

        failure(fetch(), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @Test
    void anUnexpectedContentTypeIsTransient() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("OK")));

        failure(fetch(), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_CONTENT_TYPE));
    }

    @Test
    void missingMetricsAreAbsentNotZero() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(json(200, "{\"results\":[{\"customer\":{\"currencyCode\":\"JPY\"},"
                + "\"campaign\":{\"id\":\"1\",\"name\":\"x\"},\"metrics\":{\"costMicros\":\"1500000000\"},"
                + "\"segments\":{\"date\":\"2024-01-05\"}}]}")));

        assertThat(rows(fetch())).singleElement().satisfies(row -> {
            assertThat(row.currency()).isEqualTo("JPY");
            assertThat(row.spend()).isEqualByComparingTo("1500");
            assertThat(row.impressions()).isNull();
            assertThat(row.clicks()).isNull();
            assertThat(row.conversions()).isNull();
        });
    }

    @Test
    void anEmptyPageWithoutTokenIsAnEmptyResult() {
        wm.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(json(200, "{\"fieldMask\":\"campaign.id\"}")));

        assertThat(rows(fetch())).isEmpty();
    }

    @Test
    void aCustomerIdThatIsNotDigitsIsAnInvalidRequest() {
        failure(client.fetchDaily(AdAccount.of(AdNetwork.GOOGLE_ADS, "123/../x"), FROM, TO),
                AdNetworkException.InvalidRequest.class);

        wm.verify(0, postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void settingsNeverPrintSecrets() {
        assertThat(settings().toString()).doesNotContain("client-secret-xyz").doesNotContain("dev-token-123");
        assertThat(settings().resolvedTokenUrl()).isEqualTo(URI.create(wm.baseUrl() + "/token"));
        assertThat(GoogleAdsSettings.defaults().resolvedTokenUrl()).isEqualTo(GoogleAdsSettings.DEFAULT_TOKEN_URL);
    }
}
