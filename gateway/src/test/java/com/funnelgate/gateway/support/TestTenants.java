package com.funnelgate.gateway.support;

import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import com.funnelgate.gateway.tenancy.Tenant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Creates tenants with sites, calls-to-action and keys for tests, each with unique names and key
 * secrets, so tests sharing a database never see each other's data.
 */
public final class TestTenants {

    private final Provisioning provisioning;
    private final ApiKeys keys;

    public TestTenants(Provisioning provisioning, ApiKeys keys) {
        this.provisioning = provisioning;
        this.keys = keys;
    }

    /** A tenant with {@code sites} sites of {@code ctasPerSite} calls-to-action each. */
    public TestTenant create(String zone, String currency, int sites, int ctasPerSite) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenant tenant = provisioning.createTenant("Tenant " + suffix, ZoneId.of(zone), currency).block();
        List<TestTenant.Site> created = new java.util.ArrayList<>();
        for (int s = 0; s < sites; s++) {
            long siteId = provisioning.createSite(tenant.id(), "site-" + s, "site" + s + "-" + suffix + ".example").block();
            List<Long> ctas = new java.util.ArrayList<>();
            for (int c = 0; c < ctasPerSite; c++) {
                ctas.add(provisioning.createCta(tenant.id(), siteId, "cta-" + c, "form").block());
            }
            created.add(new TestTenant.Site(siteId, List.copyOf(ctas)));
        }
        return new TestTenant(tenant, List.copyOf(created));
    }

    /** A new key of the given role over the given tenants; returns its secret. */
    public String key(Role role, Tenant... tenants) {
        String secret = "fgk_test_" + UUID.randomUUID();
        keys.create("key-" + UUID.randomUUID(), secret, role, "test key",
                java.util.Arrays.stream(tenants).map(Tenant::id).toList()).block();
        return secret;
    }
}
