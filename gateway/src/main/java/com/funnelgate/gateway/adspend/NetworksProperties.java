package com.funnelgate.gateway.adspend;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how to reach each ad network's reporting API ({@code funnelgate.networks.*}). A base URL
 * is all it takes to point a network at another server (the sandbox, a proxy); unset, the real API.
 *
 * @param meta Meta Marketing API Insights
 * @param googleAds Google Ads API (REST)
 * @param adroll AdRoll reporting API
 */
@ConfigurationProperties("funnelgate.networks")
public record NetworksProperties(@DefaultValue Meta meta, @DefaultValue GoogleAds googleAds,
        @DefaultValue AdRoll adroll) {

    /**
     * @param baseUrl Graph API root; default {@code https://graph.facebook.com}
     * @param requestTimeout limit for one HTTP call
     */
    public record Meta(URI baseUrl, @DefaultValue("20s") Duration requestTimeout) {
    }

    /**
     * @param baseUrl API root; default {@code https://googleads.googleapis.com}
     * @param tokenUrl OAuth token endpoint; default Google's, or {@code <base-url>/token} for another base
     * @param developerToken the Google Ads developer token of this deployment
     * @param clientId OAuth client id the tenants' refresh tokens were granted to
     * @param clientSecret its secret
     * @param requestTimeout limit for one HTTP call
     */
    public record GoogleAds(URI baseUrl, URI tokenUrl, String developerToken, String clientId, String clientSecret,
            @DefaultValue("20s") Duration requestTimeout) {
    }

    /**
     * @param baseUrl services root; default {@code https://services.adroll.com}
     * @param tokenUrl OAuth token endpoint; default {@code <base-url>/auth/token}
     * @param apiKey the application's API key
     * @param clientId OAuth client id
     * @param clientSecret its secret
     * @param requestTimeout limit for one HTTP call
     */
    public record AdRoll(URI baseUrl, URI tokenUrl, String apiKey, String clientId, String clientSecret,
            @DefaultValue("30s") Duration requestTimeout) {
    }
}
