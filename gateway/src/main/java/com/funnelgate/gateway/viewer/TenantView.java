package com.funnelgate.gateway.viewer;

import com.funnelgate.gateway.tenancy.Tenant;

/** The {@code Tenant} type of the API. */
record TenantView(String id, String name, String timeZone, String currency) {

    static TenantView of(Tenant tenant) {
        return new TenantView(Long.toString(tenant.id()), tenant.name(), tenant.timeZone().getId(), tenant.currency());
    }
}
