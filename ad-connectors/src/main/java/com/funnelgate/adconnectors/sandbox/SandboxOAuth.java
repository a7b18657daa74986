package com.funnelgate.adconnectors.sandbox;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.internal.Json;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's OAuth token endpoints: Google's {@code POST /token} and AdRoll's
 * {@code POST /auth/token}, both {@code grant_type=refresh_token}. Any refresh token is accepted
 * once it is non-empty; AdRoll's rotate like the real ones: each refresh returns a new refresh token
 * and the one used stops working ({@code invalid_grant} when reused).
 */
final class SandboxOAuth {

    static final String GOOGLE_PATH = "/token";
    static final String ADROLL_PATH = "/auth/token";

    private final Set<String> usedAdRollTokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong issued = new AtomicLong();

    /** The network whose token endpoint {@code request} is for, or {@code null}. */
    AdNetwork networkOf(SandboxRequest request) {
        if (!request.isPost()) {
            return null;
        }
        if (request.path().equals(GOOGLE_PATH)) {
            return AdNetwork.GOOGLE_ADS;
        }
        return request.path().equals(ADROLL_PATH) ? AdNetwork.ADROLL : null;
    }

    /** Forgets which AdRoll refresh tokens were used. */
    void reset() {
        usedAdRollTokens.clear();
    }

    SandboxResponse handle(AdNetwork network, SandboxRequest request) {
        String refreshToken = request.param("refresh_token");
        if (!"refresh_token".equals(request.param("grant_type")) || refreshToken == null) {
            return error("invalid_request", "grant_type=refresh_token and refresh_token are required");
        }
        long n = issued.incrementAndGet();
        ObjectNode body = Json.object();
        if (network == AdNetwork.GOOGLE_ADS) {
            body.put("access_token", "ya29.sandbox-" + n).put("expires_in", 3599)
                    .put("scope", "https://www.googleapis.com/auth/adwords").put("token_type", "Bearer");
            return SandboxResponse.json(200, body);
        }
        if (!usedAdRollTokens.add(refreshToken)) {
            return error("invalid_grant", "refresh token has already been used");
        }
        body.put("access_token", "adroll-sandbox-access-" + n).put("token_type", "Bearer").put("expires_in", 86400)
                .put("refresh_token", "adroll-sandbox-refresh-" + n);
        return SandboxResponse.json(200, body);
    }

    static SandboxResponse error(String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error).put("error_description", description);
        return SandboxResponse.json(400, body);
    }

    static SandboxResponse rejected() {
        return error("invalid_grant", "Token has been expired or revoked.");
    }
}
