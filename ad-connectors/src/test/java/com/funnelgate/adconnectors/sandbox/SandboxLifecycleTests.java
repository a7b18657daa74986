package com.funnelgate.adconnectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.Fixtures;
import com.funnelgate.adconnectors.InMemoryCredentialStore;
import com.funnelgate.adconnectors.meta.MetaInsightsClient;
import com.funnelgate.adconnectors.meta.MetaSettings;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class SandboxLifecycleTests {

    @Test
    void closingWhileARequestHangsEndsThatRequestInsteadOfWaitingForIt() {
        AdAccount account = AdAccount.of(AdNetwork.META, "act_5");
        InMemoryCredentialStore store = new InMemoryCredentialStore().put(account, AccountCredentials.ofAccessToken("t"));
        AdNetworkSandbox sandbox = AdNetworkSandbox.start();
        sandbox.setFault(AdNetwork.META, SandboxFault.HANG);
        try (MetaInsightsClient client = new MetaInsightsClient(MetaSettings.defaults().withBaseUrl(sandbox.baseUrl())
                .withRequestTimeout(Duration.ofSeconds(60)), store)) {

            StepVerifier.create(client.fetchDaily(account, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)))
                    .then(() -> {
                        Flux.interval(Duration.ofMillis(5))
                                .filter(tick -> sandbox.requestCount(AdNetwork.META) == 1)
                                .blockFirst(Fixtures.GUARD);
                        sandbox.close();
                    })
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(AdNetworkException.Transient.class,
                            t -> assertThat(t.reason()).isEqualTo(AdNetworkException.Transient.Reason.CONNECTION_FAILED)))
                    .verify(Fixtures.GUARD);
        }
    }

    @Test
    void twoSandboxesListenOnDifferentPorts() {
        try (AdNetworkSandbox one = AdNetworkSandbox.start(); AdNetworkSandbox two = AdNetworkSandbox.start()) {
            assertThat(one.port()).isPositive().isNotEqualTo(two.port());
            assertThat(one.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + one.port());
        }
    }
}
