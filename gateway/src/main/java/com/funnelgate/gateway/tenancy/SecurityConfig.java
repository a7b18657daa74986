package com.funnelgate.gateway.tenancy;

import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.errors.ErrorResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * Who may call what. The API ({@code /graphql}, {@code /v1/**}) needs an API key; GraphiQL, its
 * assets and the health and metrics endpoints do not. Rejections are GraphQL-shaped JSON: 401
 * {@code UNAUTHENTICATED} for a missing or unknown key, 403 {@code FORBIDDEN} for a key outside
 * its scope. Stateless: no session, no CSRF token, no login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    static final String MISSING_KEY =
            "Authentication required: send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.";
    static final String UNKNOWN_KEY = "The API key is not recognised (unknown or revoked).";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ApiKeys keys, ErrorResponses errors) {
        AuthenticationWebFilter apiKeys = new AuthenticationWebFilter(authenticationManager(keys));
        apiKeys.setServerAuthenticationConverter(new ApiKeyAuthenticationConverter());
        apiKeys.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        apiKeys.setAuthenticationFailureHandler((exchange, ex) ->
                errors.write(exchange.getExchange(), HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, UNKNOWN_KEY));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(apiKeys, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/graphql", "/graphql/**", "/v1/**").authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, ex) -> errors.write(exchange,
                                HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, MISSING_KEY))
                        .accessDeniedHandler((exchange, ex) -> errors.write(exchange,
                                HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "This API key may not do that.")))
                .build();
    }

    private static ReactiveAuthenticationManager authenticationManager(ApiKeys keys) {
        return authentication -> keys.resolve((String) authentication.getCredentials())
                .map(ApiKeyAuthentication::resolved)
                .cast(org.springframework.security.core.Authentication.class)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException(UNKNOWN_KEY)));
    }
}
