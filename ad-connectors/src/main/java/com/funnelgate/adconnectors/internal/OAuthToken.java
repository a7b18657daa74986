package com.funnelgate.adconnectors.internal;

import java.time.Duration;

/**
 * The useful part of an OAuth token response. {@code expiresIn} may be {@code null} when the server
 * did not say; {@code refreshToken} is the rotated refresh token, or {@code null} when the server
 * did not send a new one.
 */
public record OAuthToken(String accessToken, Duration expiresIn, String refreshToken) {

    @Override
    public String toString() {
        return "OAuthToken[expiresIn=" + expiresIn + ", rotated=" + (refreshToken != null) + "]";
    }
}
