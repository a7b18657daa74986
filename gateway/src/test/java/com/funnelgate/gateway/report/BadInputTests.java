package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.GatewayTest;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Bad input gets a clear error with a code that names what was wrong: never a 500, a stack trace
 * or SQL. Covers credentials, arguments, documents, variables and the HTTP request itself.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;

    private HttpApi api;
    private TestTenant tenant;
    private String viewer;
    private String admin;

    @BeforeAll
    void createTenant() {
        api = new HttpApi(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        tenant = tenants.create("Asia/Kolkata", "INR", 1, 1);
        viewer = tenants.key(Role.VIEWER, tenant.tenant());
        admin = tenants.key(Role.ADMIN);
    }

    @Test
    void noKeyIs401Unauthenticated() {
        HttpApi.Answer answer = api.graphql(null, "{ me { role } }");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.errorMessage()).contains("Authorization: Bearer");
    }

    @Test
    void anUnknownKeyIs401Unauthenticated() {
        HttpApi.Answer answer = api.graphql("fgk_not_a_key", "{ me { role } }");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theKeyMayComeAsXApiKey() {
        String body = api.client().post().uri("/graphql").header("X-Api-Key", viewer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ me { role } }"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"role\":\"VIEWER\"");
    }

    @Test
    void aReversedRangeIsBadUserInput() {
        assertBadInput("range: {from: \"2026-11-05\", to: \"2026-11-01\"}", "range.from (2026-11-05) is after range.to");
    }

    @Test
    void aRangeLongerThanTheMaximumIsBadUserInput() {
        assertBadInput("range: {from: \"2024-01-01\", to: \"2026-01-01\"}", "at most 400 days");
    }

    @Test
    void hourlyOverMoreThan31DaysIsBadUserInput() {
        assertBadInput("range: {from: \"2026-01-01\", to: \"2026-02-01\"}, granularity: HOUR", "HOUR granularity covers at most 31 days");
    }

    @Test
    void unknownOrMalformedIdsAreBadUserInput() {
        assertBadInput("range: {from: \"2026-01-01\", to: \"2026-01-02\"}, filter: {siteIds: [\"424242\"]}",
                "filter.siteIds names ids this tenant does not have: 424242");
        assertBadInput("range: {from: \"2026-01-01\", to: \"2026-01-02\"}, filter: {ctaIds: [\"abc\"]}",
                "filter.ctaIds holds ids that are not numbers: \"abc\"");
        assertBadInput("range: {from: \"2026-01-01\", to: \"2026-01-02\"}, tenantId: \"x1\"", "tenantId \"x1\" is not a tenant id");
    }

    @Test
    void anAdminNamingATenantThatDoesNotExistGetsBadUserInput() {
        HttpApi.Answer answer = api.graphql(admin,
                "{ report(range: {from: \"2026-01-01\", to: \"2026-01-02\"}, tenantId: \"99999999\") { totals { views } } }");
        assertThat(answer.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.errorMessage()).isEqualTo("Unknown tenant 99999999.");
        HttpApi.Answer none = api.graphql(admin, "{ report(range: {from: \"2026-01-01\", to: \"2026-01-02\"}) { totals { views } } }");
        assertThat(none.errorMessage()).contains("tenantId is required");
    }

    @Test
    void aFullMonthOfHoursIsWithinTheLimits() {
        HttpApi.Answer answer = api.graphql(viewer, "{ report(range: {from: \"2026-01-01\", to: \"2026-01-31\"}, "
                + "granularity: HOUR) { rows { period } } }");
        assertThat(answer.errors().isMissingNode()).isTrue();
        assertThat(answer.data().path("report").path("rows")).hasSize(31 * 24);
    }

    @Test
    void anInvalidDateLiteralIsAValidationErrorNamingTheValue() {
        HttpApi.Answer answer = api.graphql(viewer, "{ report(range: {from: \"2026-13-01\", to: \"2026-01-02\"}) { totals { views } } }");
        assertThat(answer.errorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(answer.errorMessage()).contains("2026-13-01");
    }

    @Test
    void anInvalidVariableIsBadUserInputNamingTheVariable() {
        HttpApi.Answer answer = api.graphql(viewer, "query($r: DateRangeInput!) { report(range: $r) { totals { views } } }",
                Map.of("r", Map.of("from", "yesterday", "to", "2026-01-02")));
        assertThat(answer.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.errorMessage()).contains("Variable 'r'").contains("yesterday");
        HttpApi.Answer enumValue = api.graphql(viewer, "query($g: Granularity) { report(range: {from: \"2026-01-01\", "
                + "to: \"2026-01-02\"}, granularity: $g) { totals { views } } }", Map.of("g", "FORTNIGHT"));
        assertThat(enumValue.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void syntaxAndSchemaErrorsHaveTheirCodes() {
        assertThat(api.graphql(viewer, "{ report( ").errorCode()).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(api.graphql(viewer, "{ nothingHere }").errorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void aBodyThatIsNotJsonIs400WithAGraphQlShapedError() {
        HttpApi.Answer answer = api.post(viewer, "this is not json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.errorMessage()).contains("not a valid GraphQL request");
    }

    @Test
    void anOversizedBodyIs413() {
        String query = "{ me { role } }" + " ".repeat(300_000);
        HttpApi.Answer answer = api.graphql(viewer, query);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void noAnswerLeaksStackTracesOrSql() {
        HttpApi.Answer answer = api.graphql(viewer, "{ report(range: {from: \"2026-11-05\", to: \"2026-11-01\"}) { rows { period } } }");
        assertThat(answer.body().toString()).doesNotContain("Exception").doesNotContain("select ").doesNotContain("at com.");
    }

    private void assertBadInput(String arguments, String message) {
        HttpApi.Answer answer = api.graphql(viewer,
                "{ report(" + arguments + ") { totals { views } } }");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.errorMessage()).contains(message);
        assertThat(answer.data().isNull()).isTrue();
    }
}
