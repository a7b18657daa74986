package com.funnelgate.adconnectors.adroll;

import static com.funnelgate.adconnectors.Fixtures.body;
import static com.funnelgate.adconnectors.Fixtures.failure;
import static com.funnelgate.adconnectors.Fixtures.rows;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import com.funnelgate.adconnectors.CredentialStore;
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
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class AdRollClientTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String QUERY = "/reporting/api/v1/query";
    private static final String TOKEN_PATH = "/auth/token";
    private static final String EID = "ABCDEFGHIJKLMNOPQRSTUV";
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 1, 2);

    private final AdAccount account = new AdAccount(AdNetwork.ADROLL, EID, "USD", null, "conn-1");
    private final InMemoryCredentialStore store = new InMemoryCredentialStore()
            .put(account, AccountCredentials.ofRefreshToken("refresh-1"));
    private AdRollClient client;

    @BeforeEach
    void setUp() {
        client = new AdRollClient(settings(), store);
        stubToken("refresh-1", "access-1", "refresh-2");
        stubToken("refresh-2", "access-2", "refresh-3");
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private AdRollSettings settings() {
        return AdRollSettings.defaults()
                .withBaseUrl(URI.create(wm.baseUrl()))
                .withApiKey("app-api-key")
                .withClient("adroll-client", "adroll-secret")
                .withRequestTimeout(Duration.ofSeconds(5));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static void stubToken(String refreshToken, String accessToken, String rotated) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(json(200, body("adroll/06-oauth-token-response.constructed.json")
                        .replace("<access-token>", accessToken)
                        .replace("<new-refresh-token-replaces-the-old-one>", rotated))));
    }

    private Flux<AdSpendRow> fetch() {
        return client.fetchDaily(account, FROM, TO);
    }

    @Test
    void readsDailyMetricsWithAnExclusiveEndDateAndExactAmounts() {
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(200, body("adroll/02-graphql-campaign-daily-success.constructed.json"))));

        String campaign = "CAMPAIGNEID00000000001";
        String name = "Retargeting - Site Visitors";
        assertThat(rows(fetch())).containsExactly(
                new AdSpendRow(AdNetwork.ADROLL, EID, campaign, name, FROM, "USD", new BigDecimal("38.52"), 15234L,
                        41L, new BigDecimal("3")),
                new AdSpendRow(AdNetwork.ADROLL, EID, campaign, name, TO, "USD", new BigDecimal("36.1"), 14870L,
                        37L, new BigDecimal("2")));

        wm.verify(postRequestedFor(urlPathEqualTo(QUERY))
                .withQueryParam("apikey", equalTo("app-api-key"))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withRequestBody(containing("byEID(advertisable: \\\"" + EID + "\\\")"))
                .withRequestBody(containing("start: \\\"2024-01-01\\\", end: \\\"2024-01-03\\\", currency: \\\"USD\\\"")));
        assertThat(client.dayZone(account)).contains(ZoneOffset.UTC);
    }

    @Test
    void readsEveryCampaignOfTheAdvertisable() {
        String two = "{\"data\":{\"advertisable\":{\"byEID\":{\"eid\":\"" + EID + "\",\"currency\":\"EUR\",\"campaigns\":["
                + "{\"eid\":\"C1\",\"name\":\"One\",\"metrics\":{\"byDate\":[{\"date\":\"2024-01-01\",\"impressions\":\"10\","
                + "\"clicks\":2,\"cost\":\"1.50\",\"conversions\":1}]}},"
                + "{\"eid\":\"C2\",\"name\":\"Two\",\"metrics\":{\"byDate\":[{\"date\":\"2024-01-02\",\"impressions\":5,"
                + "\"clicks\":0,\"cost\":0.0,\"conversions\":null}]}},"
                + "{\"eid\":\"C3\",\"name\":\"Three\",\"metrics\":null}]}}},\"has_errors\":false}";
        wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(json(200, two)));

        List<AdSpendRow> rows = rows(fetch());

        assertThat(rows).extracting(AdSpendRow::campaignId).containsExactly("C1", "C2");
        assertThat(rows.get(0).spend()).isEqualTo(new BigDecimal("1.50"));
        assertThat(rows.get(0).impressions()).isEqualTo(10L);
        assertThat(rows.get(1).spend()).isEqualByComparingTo("0");
        assertThat(rows.get(1).conversions()).isNull();
    }

    @Test
    void aPersonalAccessTokenIsSentAsTokenWithoutRefresh() {
        store.put(account, AccountCredentials.ofAccessToken("pat-123"));
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(200, body("adroll/02-graphql-campaign-daily-success.constructed.json"))));

        assertThat(rows(fetch())).hasSize(2);

        wm.verify(postRequestedFor(urlPathEqualTo(QUERY)).withHeader("Authorization", equalTo("Token pat-123")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void persistsTheRotatedRefreshTokenAndUsesItForTheNextRefresh() {
        wm.stubFor(post(urlPathEqualTo(QUERY)).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, "{\"errors\":[{\"message\":\"Invalid or expired access token\"}]}"))
                .willSetStateTo("refreshed"));
        wm.stubFor(post(urlPathEqualTo(QUERY)).inScenario("expiry").whenScenarioStateIs("refreshed")
                .willReturn(json(200, body("adroll/02-graphql-campaign-daily-success.constructed.json"))));

        assertThat(rows(fetch())).hasSize(2);

        assertThat(store.get(account).refreshToken()).isEqualTo("refresh-3");
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=refresh-1"))
                .withRequestBody(containing("client_id=adroll-client")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=refresh-2")));
        wm.verify(postRequestedFor(urlPathEqualTo(QUERY)).withHeader("Authorization", equalTo("Bearer access-2")));
    }

    @Test
    void aRotatedTokenThatCouldNotBePersistedIsStillUsedForTheNextRefresh() {
        InMemoryCredentialStore backing = new InMemoryCredentialStore()
                .put(account, AccountCredentials.ofRefreshToken("refresh-1"));
        CredentialStore failingPersist = new CredentialStore() {
            @Override
            public Mono<AccountCredentials> load(AdAccount a) {
                return backing.load(a);
            }

            @Override
            public Mono<Void> refreshTokenRotated(AdAccount a, String newRefreshToken) {
                return Mono.error(new IllegalStateException("database down"));
            }
        };
        client = new AdRollClient(settings(), failingPersist);
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(200, body("adroll/02-graphql-campaign-daily-success.constructed.json"))));

        failure(fetch(), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.CREDENTIAL_STORE_FAILED));
        failure(fetch(), AdNetworkException.Transient.class);

        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=refresh-1")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=refresh-2")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void aFailingCredentialStoreIsTransientWithoutItsMessage() {
        client = new AdRollClient(settings(), new CredentialStore() {
            @Override
            public Mono<AccountCredentials> load(AdAccount a) {
                return Mono.error(new IllegalStateException("password=hunter2 connection refused"));
            }

            @Override
            public Mono<Void> refreshTokenRotated(AdAccount a, String newRefreshToken) {
                return Mono.empty();
            }
        });

        failure(fetch(), AdNetworkException.Transient.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CREDENTIAL_STORE_FAILED);
            assertThat(e.getMessage()).doesNotContain("hunter2");
        });
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void concurrentFetchesShareOneRotatingRefresh() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(json(200, body("adroll/06-oauth-token-response.constructed.json")
                        .replace("<access-token>", "access-1")
                        .replace("<new-refresh-token-replaces-the-old-one>", "refresh-2")).withFixedDelay(200)));
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(200, body("adroll/02-graphql-campaign-daily-success.constructed.json"))));

        List<AdSpendRow> all = Flux.merge(fetch(), fetch(), fetch(), fetch()).collectList().block(Fixtures.GUARD);

        assertThat(all).hasSize(8);
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(store.get(account).refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void advertisablesOfOneConnectionShareOneRotation() {
        AdAccount sibling = new AdAccount(AdNetwork.ADROLL, "SIBLINGADVERTISABLE001", "USD", null, "conn-1");
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(200, body("adroll/02-graphql-campaign-daily-success.constructed.json"))));

        List<AdSpendRow> all = Flux.merge(fetch(), client.fetchDaily(sibling, FROM, TO)).collectList()
                .block(Fixtures.GUARD);

        assertThat(all).hasSize(4);
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(store.get(sibling).refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void aRevokedRefreshTokenMeansTheTenantMustReconnect() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token is invalid or has been used\"}")));

        failure(fetch(), AdNetworkException.CredentialsRejected.class, e -> {
            assertThat(e.networkCode()).contains("invalid_grant");
            assertThat(e.getMessage()).doesNotContain("refresh-1").doesNotContain("adroll-secret");
        });
        wm.verify(0, postRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void hasErrorsWithHttp200IsAFailureNotPartialData() {
        wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(json(200, body("adroll/03-graphql-error-envelope.doc.json"))));

        failure(fetch(), AdNetworkException.Transient.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertThat(e.networkCode()).contains("E001");
            assertThat(e.getMessage()).contains("HTTP request failed").contains("req46209");
        });
    }

    @Test
    void throttlingIsRateLimitedWithTheRetryAfterWhenSent() {
        wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(json(429, "{\"errors\":[{\"message\":\"Too Many Requests\"}]}")
                .withHeader("Retry-After", "120")));

        failure(fetch(), AdNetworkException.RateLimited.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    }

    @Test
    void throttlingWithoutRetryAfterHasNoWait() {
        wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(json(429, "{\"errors\":[{\"message\":\"Too Many Requests\"}]}")));

        failure(fetch(), AdNetworkException.RateLimited.class, e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void forbiddenAdvertisableIsPermissionDenied() {
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(403, body("adroll/04-crud-error.constructed-from-doc-shape.json"))));

        failure(fetch(), AdNetworkException.PermissionDenied.class, e -> assertThat(e.networkCode()).contains("512"));
    }

    @Test
    void aMissingApiKeyIsOurConfigurationNotTheTenants() {
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(401, body("adroll/05-http-401-missing-apikey.constructed.json"))));

        failure(fetch(), AdNetworkException.InvalidRequest.class);
        wm.verify(1, postRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void aRejectedTokenTwiceIsCredentialsRejected() {
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(401, "{\"errors\":[{\"message\":\"Invalid or expired access token\"}]}")));

        failure(fetch(), AdNetworkException.CredentialsRejected.class);
        wm.verify(2, postRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void anInvalidRequestIsClassifiedFromTheCrudCode() {
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(400, "{\"errors\":[{\"message\":\"start must be before end\",\"code\":1}]}")));

        failure(fetch(), AdNetworkException.InvalidRequest.class);
    }

    @Test
    void anUnknownAdvertisableIsAnInvalidRequest() {
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(200, "{\"data\":{\"advertisable\":{\"byEID\":null}},\"has_errors\":false}")));

        failure(fetch(), AdNetworkException.InvalidRequest.class);
    }

    @Test
    void aServerErrorIsTransient() {
        wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(json(500, "{\"errors\":[{\"message\":\"boom\",\"code\":8}]}")));

        failure(fetch(), AdNetworkException.Transient.class);
    }

    @Test
    void aSlowResponseEndsInATimeout() {
        client = new AdRollClient(settings().withRequestTimeout(Duration.ofMillis(200)), store);
        wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(json(200, "{}").withFixedDelay(3_000)));

        failure(fetch(), AdNetworkException.Transient.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void aConnectionResetIsTransient() {
        wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        failure(fetch(), AdNetworkException.Transient.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_FAILED);
            assertThat(e.getMessage()).doesNotContain("app-api-key").doesNotContain("access-1");
        });
    }

    @Test
    void aTruncatedBodyIsMalformed() {
        wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(json(200, "{\"data\":{\"advertisable\":{\"byEID\":{\"eid\":\"")));

        failure(fetch(), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @Test
    void anUnexpectedContentTypeIsTransient() {
        wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));

        failure(fetch(), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_CONTENT_TYPE));
    }

    @Test
    void anEidThatCouldEscapeTheQueryIsRejectedBeforeAnyCall() {
        AdAccount hostile = AdAccount.of(AdNetwork.ADROLL, "X\") { secrets }");

        failure(client.fetchDaily(hostile, FROM, TO), AdNetworkException.InvalidRequest.class);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutAKnownCurrencyAmountsAreRequestedInUsd() {
        AdAccount noCurrency = AdAccount.of(AdNetwork.ADROLL, EID);
        store.put(noCurrency, AccountCredentials.ofAccessToken("pat-1"));
        wm.stubFor(post(urlPathEqualTo(QUERY))
                .willReturn(json(200, body("adroll/02-graphql-campaign-daily-success.constructed.json"))));

        assertThat(rows(client.fetchDaily(noCurrency, FROM, TO))).allSatisfy(row -> assertThat(row.currency()).isEqualTo("USD"));
        wm.verify(postRequestedFor(urlPathEqualTo(QUERY)).withRequestBody(containing("currency: \\\"USD\\\"")));
    }

    @Test
    void settingsNeverPrintSecretsAndDeriveTheTokenUrl() {
        assertThat(settings().toString()).doesNotContain("adroll-secret").doesNotContain("app-api-key");
        assertThat(settings().resolvedTokenUrl()).isEqualTo(URI.create(wm.baseUrl() + "/auth/token"));
        assertThat(AdRollSettings.defaults().resolvedTokenUrl())
                .isEqualTo(URI.create("https://services.adroll.com/auth/token"));
    }
}
