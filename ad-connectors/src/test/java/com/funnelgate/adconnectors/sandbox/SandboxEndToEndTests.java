package com.funnelgate.adconnectors.sandbox;

import static com.funnelgate.adconnectors.Fixtures.failure;
import static com.funnelgate.adconnectors.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException.Transient.Reason;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.AdSpendClient;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.adconnectors.Fixtures;
import com.funnelgate.adconnectors.InMemoryCredentialStore;
import com.funnelgate.adconnectors.adroll.AdRollClient;
import com.funnelgate.adconnectors.adroll.AdRollSettings;
import com.funnelgate.adconnectors.googleads.GoogleAdsClient;
import com.funnelgate.adconnectors.googleads.GoogleAdsSettings;
import com.funnelgate.adconnectors.meta.MetaInsightsClient;
import com.funnelgate.adconnectors.meta.MetaSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

/** The real clients, configured with nothing but the sandbox's base URL, against the sandbox. */
class SandboxEndToEndTests {

    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 5);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static AdNetworkSandbox sandbox;

    private final AdAccount meta = AdAccount.of(AdNetwork.META, "act_798085168510957");
    private final AdAccount google = AdAccount.of(AdNetwork.GOOGLE_ADS, "123-456-7890");
    private final AdAccount adroll = new AdAccount(AdNetwork.ADROLL, "ABCDEFGHIJKLMNOPQRSTUV",
            SandboxCatalog.account(AdNetwork.ADROLL, "ABCDEFGHIJKLMNOPQRSTUV").currency(), null, null);
    private final InMemoryCredentialStore store = new InMemoryCredentialStore()
            .put(meta, AccountCredentials.ofAccessToken("meta-token"))
            .put(google, AccountCredentials.ofRefreshToken("google-refresh"))
            .put(adroll, AccountCredentials.ofRefreshToken("adroll-refresh-initial"));
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        sandbox = AdNetworkSandbox.start(SandboxOptions.defaults().withGooglePageSize(4).withMetaPollsUntilComplete(2)
                .withThrottleRetryAfter(Duration.ofSeconds(90)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void normal() {
        sandbox.reset();
        sandbox.resetCounters();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    private <T extends AutoCloseable> T track(T client) {
        clients.add(client);
        return client;
    }

    private MetaInsightsClient metaClient(MetaSettings settings) {
        return track(new MetaInsightsClient(settings, store));
    }

    private MetaSettings metaSettings() {
        return MetaSettings.defaults().withBaseUrl(sandbox.baseUrl()).withRequestTimeout(TIMEOUT)
                .withPolling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10));
    }

    private GoogleAdsClient googleClient(GoogleAdsSettings.SearchMethod method) {
        return track(new GoogleAdsClient(GoogleAdsSettings.defaults().withBaseUrl(sandbox.baseUrl())
                .withRequestTimeout(TIMEOUT).withMethod(method).withDeveloperToken("dev"), store));
    }

    private AdRollClient adRollClient() {
        return track(new AdRollClient(AdRollSettings.defaults().withBaseUrl(sandbox.baseUrl()).withApiKey("key")
                .withRequestTimeout(TIMEOUT), store));
    }

    private AdSpendClient clientFor(AdNetwork network) {
        switch (network) {
            case META:
                return metaClient(metaSettings());
            case GOOGLE_ADS:
                return googleClient(GoogleAdsSettings.SearchMethod.SEARCH);
            default:
                return adRollClient();
        }
    }

    private AdAccount accountFor(AdNetwork network) {
        return network == AdNetwork.META ? meta : network == AdNetwork.GOOGLE_ADS ? google : adroll;
    }

    private static void assertSameRows(List<AdSpendRow> actual, List<AdSpendRow> expected) {
        assertThat(actual).usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<AdSpendRow> expected(AdAccount account) {
        return SandboxCatalog.expectedRows(account.network(), account.externalId(), FROM, TO, account.currency());
    }

    @Test
    void metaPagesThroughTheSandboxsCursors() {
        MetaInsightsClient client = metaClient(metaSettings().withPageSize(4));
        List<AdSpendRow> expected = expected(meta);

        assertSameRows(rows(client.fetchDaily(meta, FROM, TO)), expected);

        assertThat(sandbox.requestCount(AdNetwork.META)).isEqualTo((expected.size() + 3) / 4);
        assertThat(client.lastUsage(meta)).isPresent();
    }

    @Test
    void metaRunsAnAsyncReportJobAgainstTheSandbox() {
        MetaInsightsClient client = metaClient(metaSettings().withAsyncAboveDays(2).withPageSize(7));
        List<AdSpendRow> expected = expected(meta);

        assertSameRows(rows(client.fetchDaily(meta, FROM, TO)), expected);

        long pages = (expected.size() + 6) / 7;
        assertThat(sandbox.requestCount(AdNetwork.META)).isEqualTo(1 + 3 + pages);
    }

    @Test
    void googleSearchFollowsPageTokens() {
        assertSameRows(rows(googleClient(GoogleAdsSettings.SearchMethod.SEARCH).fetchDaily(google, FROM, TO)),
                expected(google));

        assertThat(sandbox.requestCount(AdNetwork.GOOGLE_ADS)).isGreaterThan(1);
        assertThat(sandbox.tokenRequestCount(AdNetwork.GOOGLE_ADS)).isEqualTo(1);
    }

    @Test
    void googleSearchStreamIsExactlyOneUpstreamCall() {
        assertSameRows(rows(googleClient(GoogleAdsSettings.SearchMethod.SEARCH_STREAM).fetchDaily(google, FROM, TO)),
                expected(google));

        assertThat(sandbox.requestCount(AdNetwork.GOOGLE_ADS)).isEqualTo(1);
        assertThat(sandbox.tokenRequestCount(AdNetwork.GOOGLE_ADS)).isEqualTo(1);
    }

    @Test
    void adRollReadsUtcDaysAndRotatesItsRefreshToken() {
        AdRollClient client = adRollClient();

        assertSameRows(rows(client.fetchDaily(adroll, FROM, TO)), expected(adroll));

        assertThat(store.get(adroll).refreshToken()).startsWith("adroll-sandbox-refresh-");
        assertThat(sandbox.requestCount(AdNetwork.ADROLL)).isEqualTo(1);

        AdRollClient staleProcess = adRollClient();
        store.put(adroll, AccountCredentials.ofRefreshToken("adroll-refresh-initial"));
        failure(staleProcess.fetchDaily(adroll, FROM, TO), AdNetworkException.CredentialsRejected.class);
    }

    @Test
    void adRollConvertsToTheRequestedCurrency() {
        AdAccount inUsd = new AdAccount(AdNetwork.ADROLL, adroll.externalId(), "USD", null, "usd");
        store.put(inUsd, AccountCredentials.ofAccessToken("pat"));

        assertSameRows(rows(adRollClient().fetchDaily(inUsd, FROM, TO)),
                SandboxCatalog.expectedRows(AdNetwork.ADROLL, inUsd.externalId(), FROM, TO, "USD"));
    }

    @ParameterizedTest
    @EnumSource(value = AdNetwork.class, names = {"META", "GOOGLE_ADS", "ADROLL"})
    void throttlingIsRateLimited(AdNetwork network) {
        sandbox.setFault(network, SandboxFault.THROTTLE);

        AdNetworkException.RateLimited error = failure(clientFor(network).fetchDaily(accountFor(network), FROM, TO),
                AdNetworkException.RateLimited.class);

        if (network == AdNetwork.META) {
            assertThat(error.retryAfter()).contains(Duration.ofMinutes(2));
        } else if (network == AdNetwork.GOOGLE_ADS) {
            assertThat(error.retryAfter()).contains(Duration.ofSeconds(90));
        } else {
            assertThat(error.retryAfter()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = AdNetwork.class, names = {"META", "GOOGLE_ADS", "ADROLL"})
    void rejectedCredentialsMeanReconnect(AdNetwork network) {
        sandbox.setFault(network, SandboxFault.CREDENTIALS_REJECTED);

        failure(clientFor(network).fetchDaily(accountFor(network), FROM, TO),
                AdNetworkException.CredentialsRejected.class);
    }

    @ParameterizedTest
    @EnumSource(value = AdNetwork.class, names = {"META", "GOOGLE_ADS", "ADROLL"})
    void serverErrorsAreTransient(AdNetwork network) {
        sandbox.setFault(network, SandboxFault.SERVER_ERROR);

        failure(clientFor(network).fetchDaily(accountFor(network), FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR));
    }

    @ParameterizedTest
    @EnumSource(value = AdNetwork.class, names = {"META", "GOOGLE_ADS", "ADROLL"})
    void malformedBodiesAreTransient(AdNetwork network) {
        sandbox.setFault(network, SandboxFault.MALFORMED_BODY);

        failure(clientFor(network).fetchDaily(accountFor(network), FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
    }

    @ParameterizedTest
    @EnumSource(value = AdNetwork.class, names = {"META", "GOOGLE_ADS", "ADROLL"})
    void aHangingNetworkEndsInTheClientsTimeout(AdNetwork network) {
        sandbox.setFault(network, SandboxFault.HANG);
        AdSpendClient client = network == AdNetwork.META
                ? metaClient(metaSettings().withRequestTimeout(Duration.ofMillis(300)))
                : network == AdNetwork.GOOGLE_ADS
                ? track(new GoogleAdsClient(GoogleAdsSettings.defaults().withBaseUrl(sandbox.baseUrl())
                        .withRequestTimeout(Duration.ofMillis(300)), store))
                : track(new AdRollClient(AdRollSettings.defaults().withBaseUrl(sandbox.baseUrl()).withApiKey("k")
                        .withRequestTimeout(Duration.ofMillis(300)), store));

        failure(client.fetchDaily(accountFor(network), FROM, TO), AdNetworkException.Transient.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void aFaultForOneAccountLeavesOthersAlone() {
        AdAccount other = AdAccount.of(AdNetwork.META, "act_1");
        store.put(other, AccountCredentials.ofAccessToken("t"));
        sandbox.setFault(AdNetwork.META, "798085168510957", SandboxFault.THROTTLE);
        MetaInsightsClient client = metaClient(metaSettings());

        failure(client.fetchDaily(meta, FROM, TO), AdNetworkException.RateLimited.class);
        assertThat(rows(client.fetchDaily(other, FROM, TO))).isNotEmpty();

        sandbox.setFault(AdNetwork.META, "act_798085168510957", SandboxFault.NONE);
        assertThat(rows(client.fetchDaily(meta, FROM, TO))).isNotEmpty();
    }

    @Test
    void resetReturnsToNormal() {
        sandbox.setFault(AdNetwork.ADROLL, SandboxFault.SERVER_ERROR);
        sandbox.setFault(AdNetwork.ADROLL, adroll.externalId(), SandboxFault.HANG);
        sandbox.setLatency(AdNetwork.ADROLL, Duration.ofMillis(20));

        sandbox.reset();

        assertThat(rows(adRollClient().fetchDaily(adroll, FROM, TO))).isNotEmpty();
    }

    @Test
    void concurrentFetchesWithLatencyAllSucceed() {
        for (AdNetwork network : new AdNetwork[] {AdNetwork.META, AdNetwork.GOOGLE_ADS, AdNetwork.ADROLL}) {
            sandbox.setLatency(network, Duration.ofMillis(50));
        }
        MetaInsightsClient metaClient = metaClient(metaSettings());
        GoogleAdsClient googleClient = googleClient(GoogleAdsSettings.SearchMethod.SEARCH_STREAM);
        List<Flux<AdSpendRow>> fetches = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AdAccount metaAccount = AdAccount.of(AdNetwork.META, "act_" + (1000 + i));
            AdAccount googleAccount = AdAccount.of(AdNetwork.GOOGLE_ADS, Integer.toString(5000 + i));
            store.put(metaAccount, AccountCredentials.ofAccessToken("t"));
            store.put(googleAccount, AccountCredentials.ofAccessToken("t"));
            fetches.add(metaClient.fetchDaily(metaAccount, FROM, TO));
            fetches.add(googleClient.fetchDaily(googleAccount, FROM, TO));
        }

        List<AdSpendRow> all = Flux.merge(fetches).collectList().block(Fixtures.GUARD);

        assertThat(all).isNotEmpty();
        assertThat(sandbox.requestCount(AdNetwork.META)).isEqualTo(40);
        assertThat(sandbox.requestCount(AdNetwork.GOOGLE_ADS)).isEqualTo(40);
    }
}
