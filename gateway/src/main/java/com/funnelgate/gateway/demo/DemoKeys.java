package com.funnelgate.gateway.demo;

import com.funnelgate.gateway.tenancy.Role;
import java.util.List;

/**
 * The demo's API keys, the same on every run (the operator contract lists them): a viewer and a BI
 * key of the first demo tenant, a partner key over all demo tenants, an admin key.
 */
public record DemoKeys(String keyId, String secret, Role role, boolean allDemoTenants) {

    public static final List<DemoKeys> ALL = List.of(
            new DemoKeys("demo-viewer", "fgk_demo_viewer", Role.VIEWER, false),
            new DemoKeys("demo-partner", "fgk_demo_partner", Role.PARTNER, true),
            new DemoKeys("demo-bi", "fgk_demo_bi", Role.BI, false),
            new DemoKeys("demo-admin", "fgk_demo_admin", Role.ADMIN, true));
}
