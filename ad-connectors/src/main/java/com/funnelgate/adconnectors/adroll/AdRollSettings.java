package com.funnelgate.adconnectors.adroll;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link AdRollClient}. {@link #defaults()} points at {@code services.adroll.com};
 * {@link #withBaseUrl(URI)} is all it takes to point the client at WireMock or the sandbox, because a
 * {@code null} token URL means {@code <baseUrl>/auth/token} (which is AdRoll's own layout).
 * {@link #toString()} does not print the API key or client secret.
 *
 * @param baseUrl         services root, e.g. {@code https://services.adroll.com}
 * @param tokenUrl        OAuth token endpoint, or {@code null} for {@code <baseUrl>/auth/token}
 * @param apiKey          the application's API key, sent as the {@code apikey} query parameter
 * @param clientId        OAuth client id (for refresh)
 * @param clientSecret    OAuth client secret (for refresh)
 * @param requestTimeout  limit for one HTTP call, headers and body
 * @param tokenExpirySkew how long before its stated expiry a cached access token is dropped
 * @param maxConnections  connection-pool size for this client
 */
public record AdRollSettings(URI baseUrl, URI tokenUrl, String apiKey, String clientId, String clientSecret,
                             Duration requestTimeout, Duration tokenExpirySkew, int maxConnections) {

    /** The production services host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://services.adroll.com");

    public AdRollSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(tokenExpirySkew, "tokenExpirySkew");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
    }

    /** Production defaults: 60 s per call (GraphQL documents can be slow), tokens dropped 5 min early. */
    public static AdRollSettings defaults() {
        return new AdRollSettings(DEFAULT_BASE_URL, null, null, null, null, Duration.ofSeconds(60),
                Duration.ofMinutes(5), 100);
    }

    /** The token endpoint to use: {@code tokenUrl}, or {@code <baseUrl>/auth/token}. */
    public URI resolvedTokenUrl() {
        return tokenUrl != null ? tokenUrl : URI.create(trimSlash(baseUrl) + "/auth/token");
    }

    static String trimSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public AdRollSettings withBaseUrl(URI value) {
        return new AdRollSettings(value, tokenUrl, apiKey, clientId, clientSecret, requestTimeout, tokenExpirySkew,
                maxConnections);
    }

    public AdRollSettings withTokenUrl(URI value) {
        return new AdRollSettings(baseUrl, value, apiKey, clientId, clientSecret, requestTimeout, tokenExpirySkew,
                maxConnections);
    }

    public AdRollSettings withApiKey(String value) {
        return new AdRollSettings(baseUrl, tokenUrl, value, clientId, clientSecret, requestTimeout, tokenExpirySkew,
                maxConnections);
    }

    /** A copy with the OAuth client replaced. */
    public AdRollSettings withClient(String id, String secret) {
        return new AdRollSettings(baseUrl, tokenUrl, apiKey, id, secret, requestTimeout, tokenExpirySkew,
                maxConnections);
    }

    public AdRollSettings withRequestTimeout(Duration value) {
        return new AdRollSettings(baseUrl, tokenUrl, apiKey, clientId, clientSecret, value, tokenExpirySkew,
                maxConnections);
    }

    public AdRollSettings withTokenExpirySkew(Duration value) {
        return new AdRollSettings(baseUrl, tokenUrl, apiKey, clientId, clientSecret, requestTimeout, value,
                maxConnections);
    }

    public AdRollSettings withMaxConnections(int value) {
        return new AdRollSettings(baseUrl, tokenUrl, apiKey, clientId, clientSecret, requestTimeout, tokenExpirySkew,
                value);
    }

    @Override
    public String toString() {
        return "AdRollSettings[baseUrl=" + baseUrl + ", tokenUrl=" + resolvedTokenUrl() + ", apiKey="
                + (apiKey == null ? "<none>" : "<set>") + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "<none>" : "<set>") + ", requestTimeout=" + requestTimeout
                + ", tokenExpirySkew=" + tokenExpirySkew + ", maxConnections=" + maxConnections + "]";
    }
}
