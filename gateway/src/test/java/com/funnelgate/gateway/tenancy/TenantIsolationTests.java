package com.funnelgate.gateway.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.funnel.FunnelEvent;
import com.funnelgate.gateway.funnel.FunnelEventType;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.funnel.FunnelRollup;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.GatewayTest;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant never sees another tenant's data. Three tenants with different data (one of them in the
 * same zone, so their days line up), keys scoped to one, two or all of them; every query shape —
 * each granularity with each grouping, filters, totals only, half rolled up and half raw — answers
 * for the caller's tenant only, and naming another tenant's id anywhere is refused without leaking.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RANGE = "range: {from: \"2026-06-01\", to: \"2026-06-10\"}";
    private static final List<String> GRANULARITIES = List.of("HOUR", "DAY", "WEEK", "MONTH", "TOTAL");
    private static final List<String> GROUPINGS = List.of("[]", "[NETWORK]", "[CAMPAIGN]", "[SITE]", "[CTA]",
            "[NETWORK, CAMPAIGN, SITE, CTA]");

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired FunnelEventWriter writer;
    @Autowired FunnelRollup rollup;

    private HttpApi api;
    private TestTenant a;
    private TestTenant b;
    private TestTenant c;
    private String viewerOfA;
    private String partnerOfAandB;

    @BeforeAll
    void createThreeTenants() {
        api = new HttpApi(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        a = tenants.create("Europe/Paris", "EUR", 1, 2);
        b = tenants.create("Europe/Paris", "EUR", 2, 1);
        c = tenants.create("Asia/Tokyo", "JPY", 1, 1);
        viewerOfA = tenants.key(Role.VIEWER, a.tenant());
        partnerOfAandB = tenants.key(Role.PARTNER, a.tenant(), b.tenant());
        writer.write(Flux.fromIterable(events(a, 10, "A-"))).block();
        writer.write(Flux.fromIterable(events(b, 30, "B-"))).block();
        rollup.runOnce().block();
        // Half of each tenant's data stays in the raw tail.
        writer.write(Flux.fromIterable(events(a, 10, "A-"))).block();
        writer.write(Flux.fromIterable(events(b, 30, "B-"))).block();
        writer.write(Flux.fromIterable(events(c, 50, "C-"))).block();
    }

    @Test
    void everyReportShapeAnswersForTheCallersTenantOnly() {
        Set<String> sitesOfA = new HashSet<>();
        Set<String> ctasOfA = new HashSet<>();
        a.sites().forEach(site -> {
            sitesOfA.add(Long.toString(site.id()));
            site.ctaIds().forEach(cta -> ctasOfA.add(Long.toString(cta)));
        });
        for (String granularity : GRANULARITIES) {
            for (String grouping : GROUPINGS) {
                JsonNode report = report(viewerOfA, RANGE + ", granularity: " + granularity + ", groupBy: " + grouping);
                assertThat(report.path("tenantId").asString()).isEqualTo(Long.toString(a.id()));
                assertThat(report.path("totals").path("views").asLong()).as("%s %s", granularity, grouping)
                        .isEqualTo(20);
                long rowViews = 0;
                for (JsonNode row : report.path("rows")) {
                    rowViews += row.path("metrics").path("views").asLong();
                    assertThat(row.path("campaignId").isNull() || row.path("campaignId").asString().startsWith("A-"))
                            .as("campaign %s", row.path("campaignId")).isTrue();
                    assertThat(row.path("siteId").isNull() || sitesOfA.contains(row.path("siteId").asString())).isTrue();
                    assertThat(row.path("ctaId").isNull() || ctasOfA.contains(row.path("ctaId").asString())).isTrue();
                }
                assertThat(rowViews).isEqualTo(20);
            }
        }
    }

    @Test
    void filtersCannotReachAnotherTenantsData() {
        JsonNode totals = report(viewerOfA, RANGE + ", filter: {campaignIds: [\"B-1\"]}").path("totals");
        assertThat(totals.path("views").asLong()).isZero();
        String otherSite = Long.toString(b.sites().get(0).id());
        HttpApi.Answer site = api.graphql(viewerOfA,
                "{ report(" + RANGE + ", filter: {siteIds: [\"" + otherSite + "\"]}) { totals { views } } }");
        assertThat(site.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(site.data().isNull()).isTrue();
        String otherCta = Long.toString(b.sites().get(0).ctaIds().get(0));
        HttpApi.Answer cta = api.graphql(viewerOfA,
                "{ report(" + RANGE + ", filter: {ctaIds: [\"" + otherCta + "\"]}) { totals { views } } }");
        assertThat(cta.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void namingAnotherTenantIsForbiddenAndLeaksNothing() {
        HttpApi.Answer answer = api.graphql(viewerOfA, "{ report(" + RANGE + ", tenantId: \"" + b.id()
                + "\") { tenantId timeZone rows { metrics { views } } totals { views } } }");
        assertThat(answer.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(answer.data().isNull()).isTrue();
        assertThat(answer.body().toString()).doesNotContain("B-").doesNotContain("\"views\":30");
        HttpApi.Answer missing = api.graphql(viewerOfA, "{ report(" + RANGE + ", tenantId: \"987654321\") { tenantId } }");
        assertThat(missing.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aPartnerNamesEachTenantAndReadsOnlyThoseInItsScope() {
        // Partner keys run trusted operations only: the same questions, asked by documentId.
        Map<String, Object> range = Map.of("from", "2026-06-01", "to", "2026-06-10");
        HttpApi.Answer noTenant = trusted(partnerOfAandB, "FunnelTrend", Map.of("range", range, "granularity", "TOTAL"));
        assertThat(noTenant.errorCode()).isEqualTo("BAD_USER_INPUT");
        HttpApi.Answer ofB = trusted(partnerOfAandB, "FunnelTrend", Map.of("range", range, "granularity", "TOTAL",
                "tenantId", Long.toString(b.id())));
        assertThat(ofB.data().path("report").path("rows").path(0).path("metrics").path("views").asLong()).isEqualTo(60);
        HttpApi.Answer outside = trusted(partnerOfAandB, "FunnelTrend", Map.of("range", range, "granularity", "TOTAL",
                "tenantId", Long.toString(c.id())));
        assertThat(outside.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(outside.body().toString()).doesNotContain("\"views\":50");
        HttpApi.Answer both = trusted(partnerOfAandB, "PartnerTenantSummary", Map.of("range", range,
                "tenantIds", List.of(Long.toString(a.id()), Long.toString(b.id()))));
        assertThat(both.errors().isMissingNode()).isTrue();
        assertThat(both.data().path("reports").path(0).path("totals").path("views").asLong()).isEqualTo(20);
        assertThat(both.data().path("reports").path(1).path("totals").path("views").asLong()).isEqualTo(60);
        HttpApi.Answer withC = trusted(partnerOfAandB, "PartnerTenantSummary", Map.of("range", range,
                "tenantIds", List.of(Long.toString(a.id()), Long.toString(c.id()))));
        assertThat(withC.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(withC.body().toString()).doesNotContain("\"views\":100");
    }

    @Test
    void meListsOnlyTheTenantsOfTheKey() {
        HttpApi.Answer viewer = api.graphql(viewerOfA, "{ me { role tenants { id name timeZone currency } } }");
        assertThat(viewer.data().path("me").path("role").asString()).isEqualTo("VIEWER");
        assertThat(viewer.data().path("me").path("tenants")).hasSize(1);
        assertThat(viewer.data().path("me").path("tenants").path(0).path("id").asString())
                .isEqualTo(Long.toString(a.id()));
        HttpApi.Answer partner = trusted(partnerOfAandB, "MyTenants", Map.of());
        assertThat(partner.data().path("me").path("tenants")).hasSize(2);
    }

    /** Runs a trusted operation by its documentId, taken from the manifest. */
    private HttpApi.Answer trusted(String key, String operation, Map<String, Object> variables) {
        String id = null;
        for (JsonNode entry : api.get(key, "/v1/persisted-operations").body().path("operations")) {
            if (entry.path("name").asString().equals(operation)) {
                id = entry.path("id").asString();
            }
        }
        assertThat(id).as("trusted operation %s", operation).isNotNull();
        return api.post(key, JSON.writeValueAsString(Map.of("documentId", id, "variables", variables)));
    }

    private JsonNode report(String key, String arguments) {
        HttpApi.Answer answer = api.graphql(key, "{ report(" + arguments + ") { tenantId "
                + "rows { campaignId siteId ctaId metrics { views visitors } } totals { views visitors } } }");
        assertThat(answer.errors().isMissingNode()).as("errors: %s", answer.errors()).isTrue();
        return answer.data().path("report");
    }

    /** {@code n} views spread over the range, on every site and CTA, from campaigns named with the prefix. */
    private static List<FunnelEvent> events(TestTenant tenant, int n, String campaignPrefix) {
        List<FunnelEvent> events = new ArrayList<>();
        List<long[]> places = new ArrayList<>();
        tenant.sites().forEach(site -> site.ctaIds().forEach(cta -> places.add(new long[] {site.id(), cta})));
        Instant start = Instant.parse("2026-06-01T08:00:00Z");
        for (int i = 0; i < n; i++) {
            long[] place = places.get(i % places.size());
            boolean attributed = i % 3 != 0;
            events.add(new FunnelEvent(tenant.id(), place[0], place[1], i, FunnelEventType.VIEW,
                    start.plusSeconds(i * 7_000L), null, null, null, attributed ? AdNetwork.META : null,
                    attributed ? campaignPrefix + (i % 4) : null, null));
        }
        return events;
    }
}
