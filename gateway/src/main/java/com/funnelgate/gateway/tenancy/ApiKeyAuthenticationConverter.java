package com.funnelgate.gateway.tenancy;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the presented API key from {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}.
 * No credential yields nothing, so the request goes on anonymous and is refused where it needs one.
 */
final class ApiKeyAuthenticationConverter implements ServerAuthenticationConverter {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.justOrEmpty(secret(exchange.getRequest().getHeaders())).map(ApiKeyAuthentication::presented);
    }

    static String secret(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            return token.isEmpty() ? null : token;
        }
        String key = headers.getFirst(API_KEY_HEADER);
        return key == null || key.isBlank() ? null : key.trim();
    }
}
