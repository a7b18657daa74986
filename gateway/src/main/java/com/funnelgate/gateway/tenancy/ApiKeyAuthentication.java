package com.funnelgate.gateway.tenancy;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request's API key: unauthenticated while it holds only the presented secret, authenticated
 * once it holds the {@link Caller} the key stands for. The secret is dropped after resolution.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String secret;
    private final Caller caller;

    private ApiKeyAuthentication(String secret, Caller caller) {
        super(caller == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.secret = secret;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication presented(String secret) {
        return new ApiKeyAuthentication(secret, null);
    }

    static ApiKeyAuthentication resolved(Caller caller) {
        return new ApiKeyAuthentication(null, caller);
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "" : caller.keyId();
    }
}
