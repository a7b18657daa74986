package com.funnelgate.gateway.adspend;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.GatewayTest;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Ad accounts keep their credentials encrypted at rest: the stored bytes do not contain the secret,
 * the store gives it back decrypted, a rotated refresh token is stored (encrypted) in its place,
 * and the credentials never show in their string form.
 */
@GatewayTest
class AdAccountsTests {

    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired AdAccounts accounts;
    @Autowired StoredCredentials store;
    @Autowired DatabaseClient db;

    @Test
    void credentialsAreEncryptedAtRestAndDecryptedOnUse() {
        TestTenant tenant = new TestTenants(provisioning, keys).create("UTC", "USD", 1, 1);
        TenantAdAccount account = accounts.create(tenant.id(), AdNetwork.ADROLL, "ADVERTISER1", "AdRoll", "USD",
                ZoneId.of("UTC"), AccountCredentials.ofRefreshToken("secret-refresh-token-123")).block();

        byte[] stored = storedCredentials(account);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("secret-refresh-token-123");
        assertThat(store.load(account.toAdAccount()).block().refreshToken()).isEqualTo("secret-refresh-token-123");

        store.refreshTokenRotated(account.toAdAccount(), "rotated-token-456").block();
        assertThat(new String(storedCredentials(account), StandardCharsets.ISO_8859_1)).doesNotContain("rotated-token-456");
        assertThat(store.load(account.toAdAccount()).block().refreshToken()).isEqualTo("rotated-token-456");
        assertThat(store.load(account.toAdAccount()).block().toString()).doesNotContain("rotated-token-456");
        assertThat(accounts.of(tenant.id()).block()).containsExactly(account);
    }

    private byte[] storedCredentials(TenantAdAccount account) {
        return db.sql("select credentials from ad_accounts where tenant_id = :tenant and account_id = :account")
                .bind("tenant", account.tenantId()).bind("account", account.accountId())
                .map(row -> row.get(0, byte[].class)).one().block();
    }
}
