package com.funnelgate.adconnectors.meta;

import static com.funnelgate.adconnectors.Fixtures.body;
import static com.funnelgate.adconnectors.Fixtures.failure;
import static com.funnelgate.adconnectors.Fixtures.rows;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import com.funnelgate.adconnectors.InMemoryCredentialStore;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class MetaInsightsClientTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN = "EAAB-secret-token-123456";
    private static final String INSIGHTS = "/v23.0/act_798085168510957/insights";
    private static final String RUN_ID = "6023920149050";
    private static final LocalDate FROM = LocalDate.of(2023, 6, 1);
    private static final LocalDate TO = LocalDate.of(2023, 6, 3);

    private final AdAccount account = AdAccount.of(AdNetwork.META, "act_798085168510957");
    private final InMemoryCredentialStore store = new InMemoryCredentialStore()
            .put(account, AccountCredentials.ofAccessToken(TOKEN));
    private MetaInsightsClient client;

    @BeforeEach
    void setUp() {
        client = client(settings());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private MetaSettings settings() {
        return MetaSettings.defaults()
                .withBaseUrl(URI.create(wm.baseUrl()))
                .withApiVersion("v23.0")
                .withRequestTimeout(Duration.ofSeconds(5))
                .withPageSize(2)
                .withPolling(Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(10));
    }

    private MetaInsightsClient client(MetaSettings settings) {
        return new MetaInsightsClient(settings, store);
    }

    /** An example body with its Graph URLs pointed at WireMock. */
    private static String local(String path) {
        return body(path).replace("https://graph.facebook.com", wm.baseUrl()).replace("<TOKEN>", TOKEN);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private void stubTwoPages(String firstPath) {
        wm.stubFor(get(urlPathEqualTo(firstPath)).withQueryParam("after", absent())
                .willReturn(json(200, local("meta/03-sync-insights-campaign-daily-page1.constructed.json"))));
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).withQueryParam("after", equalTo("MQZDZD"))
                .willReturn(json(200, local("meta/04-sync-insights-campaign-daily-page2-last.constructed.json"))));
    }

    private List<AdSpendRow> expectedThreeDays() {
        String id = "23854404676180548";
        String name = "Spring Sale - Prospecting";
        return List.of(
                new AdSpendRow(AdNetwork.META, account.externalId(), id, name, FROM, "USD",
                        new BigDecimal("14.35"), 185L, 9L, new BigDecimal("2")),
                new AdSpendRow(AdNetwork.META, account.externalId(), id, name, FROM.plusDays(1), "USD",
                        new BigDecimal("8.53"), 171L, 7L, null),
                new AdSpendRow(AdNetwork.META, account.externalId(), id, name, TO, "USD",
                        new BigDecimal("11.02"), 240L, 6L, null));
    }

    @Test
    void followsPagingNextToTheLastPageAndParsesExactValues() {
        stubTwoPages(INSIGHTS);

        assertThat(rows(client.fetchDaily(account, FROM, TO))).containsExactlyElementsOf(expectedThreeDays());

        wm.verify(getRequestedFor(urlPathEqualTo(INSIGHTS)).withQueryParam("after", absent())
                .withQueryParam("level", equalTo("campaign"))
                .withQueryParam("time_increment", equalTo("1"))
                .withQueryParam("time_range", equalTo("{\"since\":\"2023-06-01\",\"until\":\"2023-06-03\"}"))
                .withQueryParam("fields", containing("campaign_name"))
                .withQueryParam("limit", equalTo("2"))
                .withQueryParam("access_token", equalTo(TOKEN)));
        wm.verify(1, getRequestedFor(urlPathEqualTo(INSIGHTS)).withQueryParam("after", equalTo("MQZDZD")));
    }

    @Test
    void longRangesRunAsAnAsyncReportJobThatIsPolledUntilCompleted() {
        client = client(settings().withAsyncAboveDays(2));
        wm.stubFor(post(urlPathEqualTo(INSIGHTS)).willReturn(json(200, body("meta/05-async-post-response.doc.json"))));
        wm.stubFor(get(urlPathEqualTo("/v23.0/" + RUN_ID)).inScenario("job").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, body("meta/06b-async-status-running.constructed.json"))).willSetStateTo("done"));
        wm.stubFor(get(urlPathEqualTo("/v23.0/" + RUN_ID)).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(200, body("meta/06-async-status-completed.doc.json"))));
        stubTwoPages("/v23.0/" + RUN_ID + "/insights");

        assertThat(rows(client.fetchDaily(account, FROM, TO))).containsExactlyElementsOf(expectedThreeDays());

        wm.verify(1, postRequestedFor(urlPathEqualTo(INSIGHTS))
                .withRequestBody(containing("time_increment=1"))
                .withRequestBody(containing("access_token=" + TOKEN)));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v23.0/" + RUN_ID)));
        wm.verify(0, getRequestedFor(urlPathEqualTo(INSIGHTS)).withQueryParam("after", absent()));
    }

    @Test
    void aFailedReportJobIsATransientFailureCarryingMetasCode() {
        client = client(settings().withAsyncAboveDays(2));
        wm.stubFor(post(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "{\"report_run_id\":\"" + RUN_ID + "\"}")));
        wm.stubFor(get(urlPathEqualTo("/v23.0/" + RUN_ID))
                .willReturn(json(200, body("meta/09-async-status-failed-v25.constructed.json"))));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.REPORT_JOB_FAILED);
            assertThat(e.networkCode()).contains("-2/2490547");
        });
    }

    @Test
    void aReportJobThatNeverFinishesFailsAfterTheJobTimeout() {
        client = client(settings().withAsyncAboveDays(2)
                .withPolling(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(200)));
        wm.stubFor(post(urlPathEqualTo(INSIGHTS)).willReturn(json(200, body("meta/05-async-post-response.doc.json"))));
        wm.stubFor(get(urlPathEqualTo("/v23.0/" + RUN_ID))
                .willReturn(json(200, body("meta/06b-async-status-running.constructed.json"))));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.REPORT_JOB_FAILED));
    }

    static Stream<Arguments> graphErrors() {
        return Stream.of(
                Arguments.of(400, "meta/10-error-80000-ads-insights-rate-limit.constructed.json",
                        AdNetworkException.RateLimited.class, "80000/2446079"),
                Arguments.of(400, "meta/11-error-80001-buc-rate-limit.doc.json",
                        AdNetworkException.RateLimited.class, "80001"),
                Arguments.of(400, "meta/12-error-32-platform-rate-limit.doc.json",
                        AdNetworkException.RateLimited.class, "32"),
                Arguments.of(400, "meta/14-error-613-ad-account-limit.constructed.json",
                        AdNetworkException.RateLimited.class, "613/1487742"),
                Arguments.of(400, "meta/23-error-shape.doc-error-handling.json",
                        AdNetworkException.CredentialsRejected.class, "190/460"),
                Arguments.of(400, "meta/13-error-190-463-token-expired.constructed.json",
                        AdNetworkException.CredentialsRejected.class, "190/463"),
                Arguments.of(403, "meta/17-error-200-requires-permission-403.constructed.json",
                        AdNetworkException.PermissionDenied.class, "200"),
                Arguments.of(400, "meta/16-error-100-invalid-parameter.constructed.json",
                        AdNetworkException.InvalidRequest.class, "100"),
                Arguments.of(400, "meta/22-error-3018-start-date-37-months.constructed.json",
                        AdNetworkException.InvalidRequest.class, "3018"),
                Arguments.of(503, "meta/19-error-2-service-unavailable-503.constructed.json",
                        AdNetworkException.Transient.class, "2"),
                Arguments.of(500, "meta/20-error-1-99-unknown-500.constructed.json",
                        AdNetworkException.Transient.class, "1/99"));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @MethodSource("graphErrors")
    void classifiesGraphErrorsByTheirBody(int status, String file, Class<? extends AdNetworkException> type,
                                          String code) {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(status, body(file))));

        AdNetworkException error = failure(client.fetchDaily(account, FROM, TO), type);

        assertThat(error.network()).isEqualTo(AdNetwork.META);
        assertThat(error.networkCode()).contains(code);
        assertThat(error.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void aThrottleCarriesTheRegainAccessTimeFromTheBusinessUseCaseHeader() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(400,
                body("meta/10-error-80000-ads-insights-rate-limit.constructed.json"))
                .withHeader("X-Business-Use-Case-Usage", "{\"798085168510957\":[{\"type\":\"ads_insights\","
                        + "\"call_count\":100,\"total_cputime\":25,\"total_time\":25,"
                        + "\"estimated_time_to_regain_access\":19,\"ads_api_access_tier\":\"standard_access\"}]}")));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.RateLimited.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofMinutes(19));
            assertThat(e.regainAccessAt()).isPresent();
        });
    }

    @Test
    void aThrottleWithoutBusinessUseCaseWaitUsesTheAdAccountResetTime() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(400,
                body("meta/14-error-613-ad-account-limit.constructed.json"))
                .withHeader("X-Ad-Account-Usage",
                        "{\"acc_id_util_pct\":100,\"reset_time_duration\":100,\"ads_api_access_tier\":\"standard_access\"}")));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.RateLimited.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(100)));
    }

    @Test
    void exposesTheUsageHeadersOfTheLatestResponse() {
        List<MetaUsage> seen = new ArrayList<>();
        Disposable subscription = client.usageUpdates().subscribe(seen::add);
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "{\"data\":[]}")
                .withHeader("X-App-Usage", "{\"call_count\":28,\"total_time\":25,\"total_cputime\":25}")
                .withHeader("X-Ad-Account-Usage",
                        "{\"acc_id_util_pct\":9.67,\"reset_time_duration\":100,\"ads_api_access_tier\":\"standard_access\"}")
                .withHeader("X-Business-Use-Case-Usage", "{\"798085168510957\":[{\"type\":\"ads_insights\","
                        + "\"call_count\":97,\"total_cputime\":23,\"total_time\":23,"
                        + "\"estimated_time_to_regain_access\":0,\"ads_api_access_tier\":\"standard_access\"}]}")));

        assertThat(rows(client.fetchDaily(account, FROM, TO))).isEmpty();
        subscription.dispose();

        MetaUsage usage = client.lastUsage(account).orElseThrow();
        assertThat(usage.appCallCountPct()).isEqualTo(28.0);
        assertThat(usage.accountUtilPct()).isEqualTo(9.67);
        assertThat(usage.accountResetIn()).isEqualTo(Duration.ofSeconds(100));
        assertThat(usage.accessTier()).isEqualTo("standard_access");
        assertThat(usage.businessUseCases()).singleElement()
                .satisfies(b -> assertThat(b.type()).isEqualTo("ads_insights"));
        assertThat(usage.maxUtilisationPct()).isEqualTo(97.0);
        assertThat(seen).containsExactly(usage);
    }

    @Test
    void rejectedTokensAreNotRetriedBecauseMetaHasNoRefresh() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS))
                .willReturn(json(400, body("meta/13-error-190-463-token-expired.constructed.json"))));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.CredentialsRejected.class);

        wm.verify(1, getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void anAccountWithoutStoredTokenIsRejectedWithoutAnyCall() {
        AdAccount unknown = AdAccount.of(AdNetwork.META, "act_1");

        failure(client.fetchDaily(unknown, FROM, TO), AdNetworkException.CredentialsRejected.class);

        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void aFailureOnALaterPageEmitsNoRowAtAll() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).withQueryParam("after", absent())
                .willReturn(json(200, local("meta/03-sync-insights-campaign-daily-page1.constructed.json"))));
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).withQueryParam("after", equalTo("MQZDZD"))
                .willReturn(json(500, body("meta/20-error-1-99-unknown-500.constructed.json"))));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class);
    }

    @Test
    void aSlowResponseEndsInATimeout() {
        client = client(settings().withRequestTimeout(Duration.ofMillis(200)));
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "{\"data\":[]}").withFixedDelay(3_000)));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void aConnectionResetIsTransientAndLeaksNoToken() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_FAILED);
            assertThat(e.getMessage()).doesNotContain(TOKEN);
            assertThat(e.getCause()).isNull();
        });
    }

    @Test
    void aTruncatedBodyIsMalformed() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "{\"data\":[{\"campaign_id\":\"23")));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @Test
    void aBrokenChunkIsTransient() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class);
    }

    @Test
    void anEmptyBodyIsMalformed() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "")));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @Test
    void aBodyOfTheWrongShapeIsMalformed() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "{\"data\":{\"campaign_id\":\"1\"}}")));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @Test
    void aNumberThatIsNotANumberIsMalformed() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "{\"data\":[{\"campaign_id\":\"1\","
                + "\"account_currency\":\"USD\",\"spend\":\"12,50\",\"date_start\":\"2023-06-01\"}]}")));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @Test
    void dashAndMissingValuesAreAbsentNotZero() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "{\"data\":[{\"campaign_id\":\"1\","
                + "\"account_currency\":\"EUR\",\"spend\":\"-\",\"clicks\":\"\",\"date_start\":\"2023-06-01\","
                + "\"date_stop\":\"2023-06-01\"}]}")));

        assertThat(rows(client.fetchDaily(account, FROM, TO))).singleElement().satisfies(row -> {
            assertThat(row.currency()).isEqualTo("EUR");
            assertThat(row.spend()).isNull();
            assertThat(row.impressions()).isNull();
            assertThat(row.clicks()).isNull();
            assertThat(row.conversions()).isNull();
        });
    }

    @Test
    void anUnexpectedContentTypeIsTransient() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Sorry, something went wrong.</html>")));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_CONTENT_TYPE));
    }

    @Test
    void anEmptyLastPageIsAnEmptyResult() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "{\"data\":[],\"paging\":{\"cursors\":{}}}")));

        StepVerifier.create(client.fetchDaily(account, FROM, TO)).verifyComplete();
    }

    @Test
    void aNextUrlThatIsNotAUrlIsMalformed() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200,
                body("meta/03-sync-insights-campaign-daily-page1.constructed.json"))));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @Test
    void aCursorThatDoesNotAdvanceEndsInAnErrorInsteadOfALoop() {
        String self = wm.baseUrl() + INSIGHTS + "?after=SAME";
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200,
                "{\"data\":[],\"paging\":{\"next\":\"" + self + "\"}}")));

        failure(client.fetchDaily(account, FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @Test
    void invalidArgumentsFailBeforeAnyCall() {
        failure(client.fetchDaily(account, TO, FROM), AdNetworkException.InvalidRequest.class);
        failure(client.fetchDaily(AdAccount.of(AdNetwork.GOOGLE_ADS, "1"), FROM, TO),
                AdNetworkException.InvalidRequest.class);
        failure(client.fetchDaily(null, FROM, TO), AdNetworkException.InvalidRequest.class);
        failure(client.fetchDaily(AdAccount.of(AdNetwork.META, "act_1/../../me"), FROM, TO),
                AdNetworkException.InvalidRequest.class);

        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void cancellingAFetchCancelsTheCall() {
        wm.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(json(200, "{\"data\":[]}").withFixedDelay(3_000)));

        StepVerifier.create(client.fetchDaily(account, FROM, TO))
                .expectSubscription()
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }
}
