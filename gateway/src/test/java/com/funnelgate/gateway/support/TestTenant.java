package com.funnelgate.gateway.support;

import com.funnelgate.gateway.tenancy.Tenant;
import java.util.List;

/** A tenant created for a test, with the ids of its sites and calls-to-action. */
public record TestTenant(Tenant tenant, List<Site> sites) {

    public long id() {
        return tenant.id();
    }

    /** A site and its call-to-action ids. */
    public record Site(long id, List<Long> ctaIds) {
    }
}
