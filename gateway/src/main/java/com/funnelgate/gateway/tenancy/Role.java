package com.funnelgate.gateway.tenancy;

/** What a credential may do: the roles of the public API. */
public enum Role {
    /** Reads its tenant with any query. */
    VIEWER,
    /** Reads several tenants (agencies, other SaaS). */
    PARTNER,
    /** A BI tool reading its tenant. */
    BI,
    /** Reads every tenant. */
    ADMIN
}
