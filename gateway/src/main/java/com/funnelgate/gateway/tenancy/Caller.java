package com.funnelgate.gateway.tenancy;

import com.funnelgate.gateway.errors.ApiException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * Who sent a request, as established from its credential: the key, its role and the tenants it
 * may read. Every data access is scoped by this, never by a query argument alone.
 *
 * @param keyId public name of the API key
 * @param role what the key may do
 * @param tenantIds the tenants the key may read; ignored for {@link Role#ADMIN}, which reads all
 */
public record Caller(String keyId, Role role, Set<Long> tenantIds) {

    public Caller {
        tenantIds = Set.copyOf(tenantIds);
    }

    /** The caller of the request being served, from its security context; empty when none was authenticated. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(Caller.class::isInstance)
                .cast(Caller.class);
    }

    /** Whether this caller may read the given tenant. */
    public boolean mayRead(long tenantId) {
        return role == Role.ADMIN || tenantIds.contains(tenantId);
    }

    /**
     * The tenant a query is about: the one it names, which must be in scope, or, when it names none,
     * the caller's only tenant.
     *
     * @throws ApiException BAD_USER_INPUT for a malformed or missing id, FORBIDDEN out of scope
     */
    public long tenantFor(String requested) {
        if (requested == null) {
            if (role != Role.ADMIN && tenantIds.size() == 1) {
                return tenantIds.iterator().next();
            }
            throw ApiException.badInput("tenantId is required: this API key may read "
                    + (role == Role.ADMIN ? "every tenant" : tenantIds.size() + " tenants") + ".");
        }
        long tenantId = parseTenantId(requested);
        if (!mayRead(tenantId)) {
            throw ApiException.forbidden("This API key may not read tenant " + tenantId + ".");
        }
        return tenantId;
    }

    private static long parseTenantId(String requested) {
        try {
            return Long.parseLong(requested.trim());
        } catch (NumberFormatException e) {
            String shown = requested.length() > 40 ? requested.substring(0, 40) + "…" : requested;
            throw ApiException.badInput("tenantId \"" + shown + "\" is not a tenant id (ids are numbers).");
        }
    }
}
