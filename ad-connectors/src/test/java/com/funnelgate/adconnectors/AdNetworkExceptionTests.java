package com.funnelgate.adconnectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdNetworkExceptionTests {

    @Test
    void messagesNeverCarryCredentials() {
        AdNetworkException error = new AdNetworkException.InvalidRequest(AdNetwork.META,
                "bad https://graph.facebook.com/v25.0/act_1/insights?access_token=EAAB123secret&limit=5 "
                        + "{\"refresh_token\":\"1//rt-secret\"} client_secret=shh Authorization: Bearer ya29.abcdefghijk",
                null);

        assertThat(error.getMessage())
                .doesNotContain("EAAB123secret").doesNotContain("1//rt-secret").doesNotContain("shh")
                .doesNotContain("ya29.abcdefghijk")
                .contains("access_token=<redacted>").startsWith("META: ");
    }

    @Test
    void onlyRateLimitsAndTransientsAreRetryable() {
        assertThat(new AdNetworkException.RateLimited(AdNetwork.META, "m", null, null, null).isRetryable()).isTrue();
        assertThat(new AdNetworkException.Transient(AdNetwork.META, AdNetworkException.Transient.Reason.TIMEOUT, "m",
                null).isRetryable()).isTrue();
        assertThat(new AdNetworkException.CredentialsRejected(AdNetwork.META, "m", null).isRetryable()).isFalse();
        assertThat(new AdNetworkException.PermissionDenied(AdNetwork.META, "m", null).isRetryable()).isFalse();
        assertThat(new AdNetworkException.InvalidRequest(AdNetwork.META, "m", null).isRetryable()).isFalse();
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        AccountCredentials credentials = new AccountCredentials("access-secret", "refresh-secret", "123");

        assertThat(credentials.toString()).doesNotContain("access-secret").doesNotContain("refresh-secret");
    }
}
