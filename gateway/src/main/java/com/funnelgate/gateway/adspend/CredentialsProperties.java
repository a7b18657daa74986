package com.funnelgate.gateway.adspend;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key ad-account credentials are encrypted with at rest ({@code funnelgate.credentials.*}).
 * AES-256-GCM with a key derived from the password and salt; a random IV per value.
 *
 * @param password the secret the key is derived from (from a Kubernetes secret, never committed)
 * @param salt hex-encoded salt, at least 8 bytes
 */
@ConfigurationProperties("funnelgate.credentials")
public record CredentialsProperties(String password, String salt) {

    /** Whether a key is configured at all. */
    public boolean configured() {
        return password != null && !password.isBlank() && salt != null && !salt.isBlank();
    }
}
