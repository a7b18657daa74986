package com.funnelgate.adconnectors.googleads;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link GoogleAdsClient}. {@link #defaults()} points at the real API;
 * {@link #withBaseUrl(URI)} is all it takes to point the client at WireMock or the sandbox, because
 * a {@code null} token URL is derived from the base URL (see {@link #resolvedTokenUrl()}).
 * {@link #toString()} does not print the client secret or developer token.
 *
 * @param baseUrl         API root, e.g. {@code https://googleads.googleapis.com}
 * @param apiVersion      version path segment, e.g. {@code v23}
 * @param tokenUrl        OAuth token endpoint, or {@code null} to derive it from {@code baseUrl}
 * @param clientId        OAuth client id
 * @param clientSecret    OAuth client secret
 * @param developerToken  value of the {@code developer-token} header, or {@code null} to omit it
 * @param requestTimeout  limit for one HTTP call, headers and body
 * @param method          {@code search} (page tokens) or {@code searchStream} (batches)
 * @param tokenExpirySkew how long before its stated expiry a cached access token is dropped
 * @param maxPages        most {@code search} pages one fetch follows before failing
 * @param maxConnections  connection-pool size for this client
 */
public record GoogleAdsSettings(URI baseUrl, String apiVersion, URI tokenUrl, String clientId, String clientSecret,
                                String developerToken, Duration requestTimeout, SearchMethod method,
                                Duration tokenExpirySkew, int maxPages, int maxConnections) {

    /** The production API host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://googleads.googleapis.com");
    /** Google's OAuth 2 token endpoint. */
    public static final URI DEFAULT_TOKEN_URL = URI.create("https://oauth2.googleapis.com/token");

    /** Which report method to call. */
    public enum SearchMethod {
        /** {@code googleAds:search}, following {@code nextPageToken} (10,000 rows a page). */
        SEARCH,
        /** {@code googleAds:searchStream}, one JSON array of result batches, no paging. */
        SEARCH_STREAM
    }

    public GoogleAdsSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(tokenExpirySkew, "tokenExpirySkew");
        if (maxPages < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("maxPages and maxConnections must be positive");
        }
    }

    /** Production defaults: v23, {@code search}, 30 s per call, tokens dropped 60 s before expiry. */
    public static GoogleAdsSettings defaults() {
        return new GoogleAdsSettings(DEFAULT_BASE_URL, "v23", null, null, null, null, Duration.ofSeconds(30),
                SearchMethod.SEARCH, Duration.ofSeconds(60), 1000, 100);
    }

    /**
     * The token endpoint to use: {@code tokenUrl} when set; otherwise Google's for the production
     * base URL, and {@code <baseUrl>/token} for any other (WireMock, the sandbox).
     */
    public URI resolvedTokenUrl() {
        if (tokenUrl != null) {
            return tokenUrl;
        }
        return DEFAULT_BASE_URL.equals(baseUrl) ? DEFAULT_TOKEN_URL : URI.create(trimSlash(baseUrl) + "/token");
    }

    static String trimSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public GoogleAdsSettings withBaseUrl(URI value) {
        return new GoogleAdsSettings(value, apiVersion, tokenUrl, clientId, clientSecret, developerToken,
                requestTimeout, method, tokenExpirySkew, maxPages, maxConnections);
    }

    public GoogleAdsSettings withApiVersion(String value) {
        return new GoogleAdsSettings(baseUrl, value, tokenUrl, clientId, clientSecret, developerToken,
                requestTimeout, method, tokenExpirySkew, maxPages, maxConnections);
    }

    public GoogleAdsSettings withTokenUrl(URI value) {
        return new GoogleAdsSettings(baseUrl, apiVersion, value, clientId, clientSecret, developerToken,
                requestTimeout, method, tokenExpirySkew, maxPages, maxConnections);
    }

    /** A copy with the OAuth client replaced. */
    public GoogleAdsSettings withClient(String id, String secret) {
        return new GoogleAdsSettings(baseUrl, apiVersion, tokenUrl, id, secret, developerToken,
                requestTimeout, method, tokenExpirySkew, maxPages, maxConnections);
    }

    public GoogleAdsSettings withDeveloperToken(String value) {
        return new GoogleAdsSettings(baseUrl, apiVersion, tokenUrl, clientId, clientSecret, value,
                requestTimeout, method, tokenExpirySkew, maxPages, maxConnections);
    }

    public GoogleAdsSettings withRequestTimeout(Duration value) {
        return new GoogleAdsSettings(baseUrl, apiVersion, tokenUrl, clientId, clientSecret, developerToken,
                value, method, tokenExpirySkew, maxPages, maxConnections);
    }

    public GoogleAdsSettings withMethod(SearchMethod value) {
        return new GoogleAdsSettings(baseUrl, apiVersion, tokenUrl, clientId, clientSecret, developerToken,
                requestTimeout, value, tokenExpirySkew, maxPages, maxConnections);
    }

    public GoogleAdsSettings withTokenExpirySkew(Duration value) {
        return new GoogleAdsSettings(baseUrl, apiVersion, tokenUrl, clientId, clientSecret, developerToken,
                requestTimeout, method, value, maxPages, maxConnections);
    }

    public GoogleAdsSettings withMaxPages(int value) {
        return new GoogleAdsSettings(baseUrl, apiVersion, tokenUrl, clientId, clientSecret, developerToken,
                requestTimeout, method, tokenExpirySkew, value, maxConnections);
    }

    public GoogleAdsSettings withMaxConnections(int value) {
        return new GoogleAdsSettings(baseUrl, apiVersion, tokenUrl, clientId, clientSecret, developerToken,
                requestTimeout, method, tokenExpirySkew, maxPages, value);
    }

    @Override
    public String toString() {
        return "GoogleAdsSettings[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", tokenUrl="
                + resolvedTokenUrl() + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "<none>" : "<set>")
                + ", developerToken=" + (developerToken == null ? "<none>" : "<set>") + ", requestTimeout="
                + requestTimeout + ", method=" + method + ", tokenExpirySkew=" + tokenExpirySkew + ", maxPages="
                + maxPages + ", maxConnections=" + maxConnections + "]";
    }
}
