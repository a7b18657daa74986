package com.funnelgate.adconnectors.internal;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Exchanges an OAuth 2 refresh token for an access token ({@code grant_type=refresh_token}, form
 * body with client id and secret), classifying RFC 6749 errors: {@code invalid_grant} (revoked or
 * expired refresh token) is {@link AdNetworkException.CredentialsRejected}; {@code invalid_client}
 * and other request errors are {@link AdNetworkException.InvalidRequest} (our configuration);
 * 429 is {@link AdNetworkException.RateLimited}; 5xx and non-JSON bodies are transient.
 */
public final class OAuthTokenEndpoint {

    private final AdNetwork network;
    private final HttpCaller http;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;

    public OAuthTokenEndpoint(AdNetwork network, HttpCaller http, URI tokenUrl, String clientId,
                              String clientSecret) {
        this.network = network;
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Refreshes; emits the new token or a classified error. */
    public Mono<OAuthToken> refresh(String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        if (clientId != null) {
            form.add("client_id", clientId);
        }
        if (clientSecret != null) {
            form.add("client_secret", clientSecret);
        }
        return http.send(client -> client.post().uri(tokenUrl)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(BodyInserters.fromFormData(form)))
                .map(this::toToken);
    }

    private OAuthToken toToken(HttpReply reply) {
        if (!reply.isSuccess()) {
            throw classify(reply);
        }
        if (!reply.isJson()) {
            throw Replies.unexpectedContentType(network, reply);
        }
        JsonNode body = Json.parse(network, reply.body());
        String accessToken = Json.requiredText(network, body.path("access_token"), "access_token");
        Long expiresIn = Json.count(network, body.path("expires_in"), "expires_in");
        return new OAuthToken(accessToken, expiresIn == null ? null : Duration.ofSeconds(expiresIn),
                Json.text(body.path("refresh_token")));
    }

    private AdNetworkException classify(HttpReply reply) {
        JsonNode body = Json.tryParse(reply.body());
        String error = body == null ? null : Json.text(body.path("error"));
        String description = body == null ? null : Json.text(body.path("error_description"));
        String message = "token refresh failed: " + (error == null ? "HTTP " + reply.status() : error)
                + (description == null ? "" : " (" + description + ")");
        if ("invalid_grant".equals(error)) {
            return new AdNetworkException.CredentialsRejected(network, message, error);
        }
        if (reply.status() == 429 || "slow_down".equals(error) || "rate_limit_exceeded".equals(error)) {
            Duration wait = RetryAfter.parse(reply.header("Retry-After"));
            return new AdNetworkException.RateLimited(network, message, error, wait, RetryAfter.instant(wait));
        }
        if (reply.status() >= 500 || "temporarily_unavailable".equals(error) || "server_error".equals(error)) {
            return new AdNetworkException.Transient(network, AdNetworkException.Transient.Reason.SERVER_ERROR,
                    message, error);
        }
        if (error != null) {
            return new AdNetworkException.InvalidRequest(network, message, error);
        }
        return Statuses.classify(network, reply.status(), message, null);
    }
}
