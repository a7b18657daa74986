package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.AdNetworkSandbox;
import com.funnelgate.adconnectors.sandbox.SandboxFault;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.BlendedFixture;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.SandboxGatewayTest;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The fault matrix: each network down, slow past the deadline, throttling, failing with 5xx,
 * answering garbage, or rejecting the credentials. Every time the report answers with the other
 * sources' data, the failed account is FAILED with its code, a GraphQL error names it, and every
 * metric that needed it is null, never zero. The sandbox produces each fault in the network's own
 * wire format, so the real clients classify them.
 */
@SandboxGatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTests {

    private static final String QUERY = "{ report(range: {from: \"2026-09-01\", to: \"2026-09-07\"}, granularity: TOTAL, "
            + "groupBy: [NETWORK]) { rows { network metrics { spend clicks cpa views conversions } } "
            + "totals { spend clicks views conversions cpa } sources { source state errorCode } } }";

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired AdAccounts adAccounts;
    @Autowired FunnelEventWriter writer;
    @Autowired AdNetworkSandbox sandbox;
    @Autowired CircuitBreakerRegistry breakers;

    private HttpApi api;
    private BlendedFixture fixture;
    private String key;

    @BeforeAll
    void createTenant() {
        api = new HttpApi(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        fixture = BlendedFixture.create(tenants.create("Europe/Berlin", "EUR", 1, 1), adAccounts, writer, "4200",
                Map.of(AdNetwork.META, "EUR", AdNetwork.GOOGLE_ADS, "EUR", AdNetwork.ADROLL, "EUR"),
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 7));
        key = tenants.key(Role.VIEWER, fixture.tenant().tenant());
    }

    @BeforeEach
    @AfterEach
    void backToNormal() {
        sandbox.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    static Stream<Arguments> faults() {
        List<Arguments> cases = new ArrayList<>();
        for (AdNetwork network : List.of(AdNetwork.META, AdNetwork.GOOGLE_ADS, AdNetwork.ADROLL)) {
            cases.add(Arguments.of(network, SandboxFault.THROTTLE, "SOURCE_RATE_LIMITED"));
            cases.add(Arguments.of(network, SandboxFault.CREDENTIALS_REJECTED, "SOURCE_CREDENTIALS_REJECTED"));
            cases.add(Arguments.of(network, SandboxFault.SERVER_ERROR, "SOURCE_UNAVAILABLE"));
            cases.add(Arguments.of(network, SandboxFault.MALFORMED_BODY, "SOURCE_UNAVAILABLE"));
            cases.add(Arguments.of(network, SandboxFault.HANG, "SOURCE_TIMEOUT"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("faults")
    void aFailingNetworkLeavesTheRestOfTheReportStanding(AdNetwork network, SandboxFault fault, String code) {
        sandbox.setFault(network, fault);
        assertOnlyThatNetworkFailed(network, code);
    }

    @Test
    void aNetworkSlowerThanTheDeadlineTimesOutAndTheOthersStillAnswer() {
        sandbox.setLatency(AdNetwork.GOOGLE_ADS, Duration.ofSeconds(5));
        assertOnlyThatNetworkFailed(AdNetwork.GOOGLE_ADS, "SOURCE_TIMEOUT");
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndThenNoCallReachesTheNetwork() {
        sandbox.setFault(AdNetwork.META, SandboxFault.SERVER_ERROR);
        api.graphql(key, QUERY);
        api.graphql(key, QUERY);
        assertThat(breakers.circuitBreaker("ad-META").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long callsBefore = sandbox.requestCount(AdNetwork.META);
        HttpApi.Answer answer = api.graphql(key, QUERY);
        assertThat(sandbox.requestCount(AdNetwork.META)).isEqualTo(callsBefore);
        assertThat(answer.errors()).anySatisfy(error ->
                assertThat(error.path("message").asString()).contains("circuit open"));
        assertThat(status(answer, fixture.account(AdNetwork.GOOGLE_ADS).sourceName()).path("state").asString())
                .isEqualTo("FRESH");
    }

    @Test
    void aHangingNetworkOpensItsBreakerAndThenRequestsNoLongerWaitForIt() {
        sandbox.setFault(AdNetwork.META, SandboxFault.HANG);
        CircuitBreaker meta = breakers.circuitBreaker("ad-META");
        int minimumCalls = meta.getCircuitBreakerConfig().getMinimumNumberOfCalls();
        for (int i = 0; i < minimumCalls; i++) {
            HttpApi.Answer answer = api.graphql(key, QUERY);
            assertThat(status(answer, fixture.account(AdNetwork.META).sourceName()).path("errorCode").asString())
                    .isEqualTo("SOURCE_TIMEOUT");
        }
        assertThat(meta.getState()).as("each request's cut-off attempt counted").isEqualTo(CircuitBreaker.State.OPEN);
        long callsBefore = sandbox.requestCount(AdNetwork.META);
        HttpApi.Answer answer = api.graphql(key, QUERY);
        assertThat(sandbox.requestCount(AdNetwork.META)).isEqualTo(callsBefore);
        assertThat(answer.errors()).singleElement().satisfies(error ->
                assertThat(error.path("message").asString()).contains("circuit open"));
    }

    @Test
    void whenEverySourceFailsTheAnswerIsStillAWellFormedReport() {
        for (AdNetwork network : List.of(AdNetwork.META, AdNetwork.GOOGLE_ADS, AdNetwork.ADROLL)) {
            sandbox.setFault(network, SandboxFault.CREDENTIALS_REJECTED);
        }
        breakers.circuitBreaker("funnel").transitionToForcedOpenState();
        HttpApi.Answer answer = api.graphql(key, QUERY);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = answer.data().path("report");
        assertThat(report.path("rows")).isEmpty();
        assertThat(report.path("totals").path("spend").isNull()).isTrue();
        assertThat(report.path("totals").path("views").isNull()).isTrue();
        assertThat(report.path("sources")).hasSize(4)
                .allSatisfy(source -> assertThat(source.path("state").asString()).isEqualTo("FAILED"));
        assertThat(answer.errors()).hasSize(4);
        assertThat(status(answer, "funnel").path("errorCode").asString()).isEqualTo("SOURCE_UNAVAILABLE");
    }

    private void assertOnlyThatNetworkFailed(AdNetwork failed, String code) {
        HttpApi.Answer answer = api.graphql(key, QUERY);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = answer.data().path("report");
        String source = fixture.account(failed).sourceName();
        JsonNode status = status(answer, source);
        assertThat(status.path("state").asString()).isEqualTo("FAILED");
        assertThat(status.path("errorCode").asString()).isEqualTo(code);
        assertThat(answer.errors()).hasSize(1);
        JsonNode error = answer.errors().path(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo(code);
        assertThat(error.path("extensions").path("source").asString()).isEqualTo(source);
        assertThat(error.path("message").asString()).startsWith(source).doesNotContain("Exception");
        for (JsonNode other : report.path("sources")) {
            if (!other.path("source").asString().equals(source)) {
                assertThat(other.path("state").asString()).as(other.toString()).isEqualTo("FRESH");
            }
        }
        assertThat(report.path("rows")).hasSize(3).allSatisfy(row -> {
            JsonNode metrics = row.path("metrics");
            boolean ofFailedNetwork = row.path("network").asString().equals(failed.name());
            assertThat(metrics.path("spend").isNull()).as(row.toString()).isEqualTo(ofFailedNetwork);
            assertThat(metrics.path("clicks").isNull()).isEqualTo(ofFailedNetwork);
            assertThat(metrics.path("cpa").isNull()).isEqualTo(ofFailedNetwork);
            assertThat(metrics.path("views").asLong()).isPositive();
        });
        assertThat(report.path("totals").path("spend").isNull()).isTrue();
        assertThat(report.path("totals").path("views").asLong()).isPositive();
    }

    private static JsonNode status(HttpApi.Answer answer, String source) {
        for (JsonNode status : answer.data().path("report").path("sources")) {
            if (status.path("source").asString().equals(source)) {
                return status;
            }
        }
        throw new AssertionError("no status of " + source + " in " + answer.body());
    }
}
