package com.funnelgate.gateway.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sources of a report are asked at the same time, not one after another. WireMock stands in
 * for all three networks and holds each report request until all three have arrived (at most a few
 * seconds): if the gateway asked them one after another, the first would be answered before the
 * others were sent, and the test would see it. No clock is read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "funnelgate.embedded-postgres.database=funnelgate_wiremock",
    "funnelgate.networks.google-ads.developer-token=dev-token",
    "funnelgate.networks.adroll.api-key=api-key"})
@ActiveProfiles("test")
class ParallelSourcesTests {

    private static final Rendezvous RENDEZVOUS = new Rendezvous(3);

    @RegisterExtension
    static WireMockExtension networks = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(RENDEZVOUS))
            .build();

    @DynamicPropertySource
    static void networksOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("funnelgate.networks.meta.base-url", networks::baseUrl);
        registry.add("funnelgate.networks.google-ads.base-url", networks::baseUrl);
        registry.add("funnelgate.networks.adroll.base-url", networks::baseUrl);
    }

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired AdAccounts adAccounts;

    @Test
    void allThreeNetworksAreAskedAtOnce() {
        networks.stubFor(get(urlPathMatching("/v[0-9.]+/act_7001/insights"))
                .willReturn(json("meta-insights.json")));
        networks.stubFor(post(urlPathEqualTo("/token")).willReturn(json("google-token.json")));
        networks.stubFor(post(urlPathMatching("/v[0-9]+/customers/7002000000/googleAds:search"))
                .willReturn(json("google-search.json")));
        networks.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(json("adroll-token.json")));
        networks.stubFor(post(urlPathEqualTo("/reporting/api/v1/query"))
                .willReturn(json("adroll-query.json")));

        TestTenants tenants = new TestTenants(provisioning, keys);
        TestTenant tenant = tenants.create("America/New_York", "USD", 1, 1);
        ZoneId zone = ZoneId.of("America/New_York");
        adAccounts.create(tenant.id(), AdNetwork.META, "act_7001", "meta", "USD", zone,
                AccountCredentials.ofAccessToken("meta-token")).block();
        adAccounts.create(tenant.id(), AdNetwork.GOOGLE_ADS, "7002000000", "google", "USD", zone,
                AccountCredentials.ofRefreshToken("google-refresh")).block();
        adAccounts.create(tenant.id(), AdNetwork.ADROLL, "WIREMOCKADVERTISER0001", "adroll", "USD", zone,
                AccountCredentials.ofRefreshToken("adroll-refresh")).block();
        String key = tenants.key(Role.VIEWER, tenant.tenant());

        HttpApi.Answer answer = new HttpApi(port).graphql(key, "{ report(range: {from: \"2026-08-01\", to: \"2026-08-03\"}, "
                + "granularity: TOTAL, groupBy: [NETWORK]) { rows { network metrics { spend clicks } } "
                + "sources { source state } } }");
        assertThat(answer.errors().isMissingNode()).as("errors: %s", answer.errors()).isTrue();
        JsonNode rows = answer.data().path("report").path("rows");
        assertThat(rows).extracting(row -> row.path("metrics").path("spend").asString())
                .containsExactlyInAnyOrder("11.02", "4.10", "38.52");

        assertThat(RENDEZVOUS.metAll()).as("each network was asked while the others were still waiting").isTrue();
    }

    /**
     * Holds each report request (not token requests) until {@code parties} of them are in flight
     * together, or gives up after five seconds and remembers that it had to.
     */
    static final class Rendezvous implements ServeEventListener {
        private final CountDownLatch arrived;
        private final AtomicBoolean gaveUp = new AtomicBoolean();

        Rendezvous(int parties) {
            this.arrived = new CountDownLatch(parties);
        }

        @Override
        public void beforeResponseSent(ServeEvent event, Parameters parameters) {
            if (URI.create(event.getRequest().getUrl()).getPath().endsWith("/token")) {
                return;
            }
            arrived.countDown();
            try {
                if (!arrived.await(5, TimeUnit.SECONDS)) {
                    gaveUp.set(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                gaveUp.set(true);
            }
        }

        boolean metAll() {
            return arrived.getCount() == 0 && !gaveUp.get();
        }

        @Override
        public String getName() {
            return "rendezvous";
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String file) {
        try {
            String body = new ClassPathResource("wiremock/" + file).getContentAsString(StandardCharsets.UTF_8);
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
