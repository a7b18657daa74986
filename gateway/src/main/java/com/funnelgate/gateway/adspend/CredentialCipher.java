package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AccountCredentials;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts ad-account credentials for storage and decrypts them for use (Spring Security's
 * AES-GCM {@code Encryptors.stronger}). Without a configured key nothing can be stored or read,
 * and saying so is the only thing it does.
 */
@Component
class CredentialCipher {

    private final BytesEncryptor encryptor;
    private final JsonMapper json;

    CredentialCipher(CredentialsProperties properties, JsonMapper json) {
        this.encryptor = properties.configured() ? Encryptors.stronger(properties.password(), properties.salt()) : null;
        this.json = json;
    }

    byte[] encrypt(AccountCredentials credentials) {
        return encryptor().encrypt(json.writeValueAsBytes(credentials));
    }

    AccountCredentials decrypt(byte[] sealed) {
        return json.readValue(encryptor().decrypt(sealed), AccountCredentials.class);
    }

    private BytesEncryptor encryptor() {
        if (encryptor == null) {
            throw new IllegalStateException("No credentials key: set funnelgate.credentials.password and .salt");
        }
        return encryptor;
    }
}
