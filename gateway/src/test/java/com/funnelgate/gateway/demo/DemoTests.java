package com.funnelgate.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.AdNetworkSandbox;
import com.funnelgate.gateway.report.RequestPathWarmup;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.tenancy.TenantDirectory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The demo profile on a small data set: the demo tenants, keys and events are there, rolled up,
 * and the keys of the operator contract work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "funnelgate.embedded-postgres.database=funnelgate_demo", "funnelgate.demo.events=20000",
    "funnelgate.demo.days=20", "funnelgate.warmup.enabled=true"})
@ActiveProfiles({"demo", "test"})
class DemoTests {

    @LocalServerPort int port;
    @Autowired DemoLoader loader;
    @Autowired RequestPathWarmup warmup;
    @Autowired AdNetworkSandbox sandbox;
    @Autowired TenantDirectory tenants;

    @Test
    void theDemoKeysReadTheDemoTenants() {
        HttpApi api = new HttpApi(port);
        assertThat(loader.loaded().block(Duration.ofMinutes(2))).isGreaterThan(10_000);
        api.client().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        // Ready once the report path was warmed on the demo's data, without a call to any network.
        assertThat(warmup.health().getDetails()).containsEntry("reports", "of tenant " + tenants.first().block().id())
                .containsEntry("errors", 1);
        for (AdNetwork network : AdNetwork.values()) {
            assertThat(sandbox.requestCount(network)).as("calls to %s", network).isZero();
        }
        // Partner and BI keys run trusted operations only: MyTenants, by documentId and at the BI endpoint.
        String myTenants = null;
        for (JsonNode operation : api.get("fgk_demo_partner", "/v1/persisted-operations").body().path("operations")) {
            if (operation.path("name").asString().equals("MyTenants")) {
                myTenants = operation.path("id").asString();
            }
        }
        JsonNode partner = api.post("fgk_demo_partner", "{\"documentId\": \"" + myTenants + "\"}").data().path("me");
        assertThat(partner.path("role").asString()).isEqualTo("PARTNER");
        assertThat(partner.path("tenants")).hasSize(DemoTenant.ALL.size());
        assertThat(partner.path("tenants").path(2).path("timeZone").asString()).isEqualTo("Asia/Kolkata");

        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        JsonNode report = api.graphql("fgk_demo_viewer", "{ report(range: {from: \"" + today.minusDays(19) + "\", to: \""
                + today + "\"}, groupBy: [NETWORK]) { currency rows { network metrics { views visitors } } "
                + "totals { views visitors conversions revenue } } }").data().path("report");
        assertThat(report.path("currency").asString()).isEqualTo("USD");
        assertThat(report.path("totals").path("views").asLong()).isGreaterThan(1000);
        assertThat(report.path("totals").path("visitors").asLong()).isLessThan(report.path("totals").path("views").asLong());
        assertThat(report.path("rows")).anySatisfy(row -> assertThat(row.path("network").asString()).isEqualTo("META"));

        JsonNode blended = api.graphql("fgk_demo_viewer", "{ report(range: {from: \"" + today.minusDays(19) + "\", to: \""
                + today.minusDays(1) + "\"}, granularity: TOTAL, groupBy: [CAMPAIGN]) { rows { network campaignName "
                + "metrics { spend clicks conversions cpa } } sources { source state } } }").data().path("report");
        assertThat(blended.path("sources")).hasSize(4)
                .allSatisfy(source -> assertThat(source.path("state").asString()).isEqualTo("FRESH"));
        assertThat(blended.path("rows")).filteredOn(row -> !row.path("network").isNull())
                .isNotEmpty()
                .allSatisfy(row -> {
                    assertThat(row.path("campaignName").asString()).isNotEmpty();
                    assertThat(row.path("metrics").path("spend").asString()).isNotEmpty();
                    assertThat(row.path("metrics").path("conversions").asLong()).isPositive();
                });

        assertThat(api.get("fgk_demo_bi", "/v1/reports/MyTenants").data().path("me").path("role").asString())
                .isEqualTo("BI");
        assertThat(api.graphql("fgk_demo_admin", "{ me { role tenants { id } } }").data().path("me").path("tenants"))
                .hasSizeGreaterThanOrEqualTo(DemoTenant.ALL.size());
    }
}
