package com.funnelgate.adconnectors;

/**
 * The secrets a client needs for one account, as loaded from the gateway's {@link CredentialStore}.
 *
 * <p>Which fields matter depends on the network:
 * <ul>
 *   <li>Meta: {@code accessToken} (a system-user or long-lived user token; Meta has no refresh
 *       token).</li>
 *   <li>Google Ads: {@code refreshToken} (exchanged for short-lived access tokens, which the client
 *       caches); {@code accessToken} alone is used as-is when there is no refresh token;
 *       {@code loginCustomerId} is the manager account the grant reaches the account through.</li>
 *   <li>AdRoll: {@code refreshToken} for OAuth (it rotates: each refresh returns a new one, handed to
 *       {@link CredentialStore#refreshTokenRotated}); or {@code accessToken} alone, which is sent as a
 *       personal access token ({@code Authorization: Token ...}).</li>
 * </ul>
 * {@link #toString()} never prints a secret.
 *
 * @param accessToken     a ready-to-use access token, or {@code null}
 * @param refreshToken    an OAuth refresh token, or {@code null}
 * @param loginCustomerId Google Ads manager customer id to send as {@code login-customer-id}, or
 *                        {@code null}
 */
public record AccountCredentials(String accessToken, String refreshToken, String loginCustomerId) {

    /** Credentials that consist of an access token only. */
    public static AccountCredentials ofAccessToken(String accessToken) {
        return new AccountCredentials(accessToken, null, null);
    }

    /** Credentials that consist of an OAuth refresh token only. */
    public static AccountCredentials ofRefreshToken(String refreshToken) {
        return new AccountCredentials(null, refreshToken, null);
    }

    /** A copy with the given Google Ads manager id. */
    public AccountCredentials withLoginCustomerId(String managerId) {
        return new AccountCredentials(accessToken, refreshToken, managerId);
    }

    /** Whether an access token is present. */
    public boolean hasAccessToken() {
        return accessToken != null && !accessToken.isBlank();
    }

    /** Whether a refresh token is present. */
    public boolean hasRefreshToken() {
        return refreshToken != null && !refreshToken.isBlank();
    }

    @Override
    public String toString() {
        return "AccountCredentials[accessToken=" + (hasAccessToken() ? "<set>" : "<none>")
                + ", refreshToken=" + (hasRefreshToken() ? "<set>" : "<none>")
                + ", loginCustomerId=" + loginCustomerId + "]";
    }
}
