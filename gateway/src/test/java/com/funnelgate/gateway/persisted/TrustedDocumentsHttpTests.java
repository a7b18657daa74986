package com.funnelgate.gateway.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.GatewayTest;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Trusted documents over HTTP: the manifest endpoint, running a trusted operation by {@code documentId} or APQ
 * hash (POST and GET), and the policy that PARTNER and BI keys run nothing else
 * ({@code PERSISTED_QUERY_REQUIRED}, 403), while other keys may run both.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedDocumentsHttpTests {

    private static final Map<String, Object> RANGE = Map.of("range", Map.of("from", "2026-03-01", "to", "2026-03-31"));

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;

    private HttpApi api;
    private Apollo apollo;
    private TestTenant first;
    private TestTenant second;
    private String viewer;
    private String partner;
    private String bi;

    @BeforeAll
    void createKeys() {
        api = new HttpApi(port);
        apollo = new Apollo(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        first = tenants.create("America/Chicago", "USD", 1, 1);
        second = tenants.create("Asia/Kathmandu", "NPR", 1, 1);
        viewer = tenants.key(Role.VIEWER, first.tenant());
        partner = tenants.key(Role.PARTNER, first.tenant(), second.tenant());
        bi = tenants.key(Role.BI, first.tenant());
    }

    @Test
    void theManifestListsTheTrustedOperationsInApolloFormat() {
        JsonNode manifest = manifest(bi);
        assertThat(manifest.path("format").asString()).isEqualTo("apollo-persisted-query-manifest");
        assertThat(manifest.path("version").asInt()).isEqualTo(1);
        List<String> names = new ArrayList<>();
        for (JsonNode operation : manifest.path("operations")) {
            names.add(operation.path("name").asString());
            assertThat(operation.path("type").asString()).isEqualTo("query");
            assertThat(operation.path("id").asString()).isEqualTo(DocumentIds.of(operation.path("body").asString()));
        }
        assertThat(names).contains("DailySpendVsConversionsByNetwork", "CampaignPerformance", "FunnelByCta",
                "FunnelTrend", "PartnerTenantSummary", "MyTenants");
        assertThat(names).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void theManifestNeedsAKey() {
        HttpApi.Answer answer = api.get(null, "/v1/persisted-operations");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void partnerAndBiKeysMayNotSendFreeFormQueries() {
        for (String key : List.of(partner, bi)) {
            HttpApi.Answer answer = api.graphql(key, "{ me { role } }");
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.errorCode()).isEqualTo("PERSISTED_QUERY_REQUIRED");
            assertThat(answer.errorMessage()).contains("/v1/persisted-operations");
            assertThat(answer.body().has("data")).isFalse();
        }
    }

    @Test
    void aPartnerRunsATrustedOperationByDocumentIdOverItsTenants() {
        Map<String, Object> variables = Map.of("tenantIds", List.of(Long.toString(first.id()), Long.toString(second.id())),
                "range", Map.of("from", "2026-03-01", "to", "2026-03-31"));
        Apollo.Reply reply = apollo.post(partner, Map.of("documentId", "sha256:" + id("PartnerTenantSummary"),
                "variables", variables));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode reports = reply.data().path("reports");
        assertThat(reports).hasSize(2);
        assertThat(reports.path(0).path("tenantId").asString()).isEqualTo(Long.toString(first.id()));
        assertThat(reports.path(1).path("currency").asString()).isEqualTo("NPR");
        assertThat(reports.path(0).path("totals").path("conversions").asLong()).isZero();
    }

    @Test
    void aBiKeyRunsATrustedOperationByApqHashOverPostAndGet() {
        String hash = id("FunnelTrend");
        Apollo.Reply post = apollo.postHash(bi, "FunnelTrend", hash, RANGE);
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.data().path("report").path("rows")).hasSize(6);
        Apollo.Reply get = apollo.getHash(bi, "FunnelTrend", hash, RANGE);
        assertThat(get.data().path("report").path("timeZone").asString()).isEqualTo("America/Chicago");
        Apollo.Reply byId = apollo.get(bi, "documentId=" + hash + "&variables=" + Apollo.encode(
                "{\"range\":{\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"},\"granularity\":\"MONTH\"}"));
        assertThat(byId.data().path("report").path("rows")).hasSize(1);
    }

    @Test
    void aTrustedOperationSentWithItsHashAndTextRuns() {
        String body = body("FunnelByCta");
        Apollo.Reply reply = apollo.postQueryAndHash(bi, "FunnelByCta", body, DocumentIds.of(body), RANGE);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().path("report").path("rows").isArray()).isTrue();
        HttpApi.Answer exactText = api.graphql(bi, body, Map.of("range", RANGE.get("range"), "siteIds",
                List.of(Long.toString(first.sites().get(0).id()))));
        assertThat(exactText.errors().isMissingNode()).isTrue();
        assertThat(exactText.data().path("report").path("rows").isArray()).isTrue();
    }

    @Test
    void aPersistedOnlyKeyCannotRegisterOrRunOtherDocumentsByHash() {
        String query = "query Mine { me { role } } # " + UUID.randomUUID();
        String hash = DocumentIds.of(query);
        Apollo.Reply notFound = apollo.postHash(bi, "Mine", hash, Map.of());
        assertThat(notFound.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        Apollo.Reply register = apollo.postQueryAndHash(bi, "Mine", query, hash, Map.of());
        assertThat(register.status()).isEqualTo(403);
        assertThat(register.errorCode()).isEqualTo("PERSISTED_QUERY_REQUIRED");

        Apollo.Reply byViewer = apollo.postQueryAndHash(viewer, "Mine", query, hash, Map.of());
        assertThat(byViewer.data().path("me").path("role").asString()).isEqualTo("VIEWER");
        assertThat(apollo.postHash(bi, "Mine", hash, Map.of()).errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        Apollo.Reply byDocumentId = apollo.post(bi, Map.of("documentId", hash));
        assertThat(byDocumentId.status()).isEqualTo(404);
        assertThat(byDocumentId.errorMessage()).contains("No trusted document");
    }

    @Test
    void aViewerMayRunTrustedOperationsAndFreeFormQueries() {
        Apollo.Reply trusted = apollo.post(viewer, Map.of("documentId", id("CampaignPerformance"), "variables", RANGE));
        assertThat(trusted.status()).isEqualTo(200);
        assertThat(trusted.data().path("report").path("currency").asString()).isEqualTo("USD");
        assertThat(api.graphql(viewer, "{ me { role } }").data().path("me").path("role").asString()).isEqualTo("VIEWER");
    }

    private JsonNode manifest(String key) {
        HttpApi.Answer answer = api.get(key, "/v1/persisted-operations");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private String id(String name) {
        return operation(name).path("id").asString();
    }

    private String body(String name) {
        return operation(name).path("body").asString();
    }

    private JsonNode operation(String name) {
        for (JsonNode operation : manifest(viewer).path("operations")) {
            if (operation.path("name").asString().equals(name)) {
                return operation;
            }
        }
        throw new AssertionError("no trusted operation " + name);
    }
}
