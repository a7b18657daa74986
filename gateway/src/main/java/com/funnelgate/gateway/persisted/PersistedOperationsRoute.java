package com.funnelgate.gateway.persisted;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /v1/persisted-operations}: the trusted operations the caller may run, as an Apollo persisted-query
 * manifest ({@code format}, {@code version}, {@code operations[{id, name, type, body}]}). Every key may run
 * every trusted operation (each is scoped by the key's tenants when it runs); keys of a persisted-only role
 * may run nothing else.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Configuration(proxyBeanMethods = false)
class PersistedOperationsRoute {

    @Bean
    RouterFunction<ServerResponse> persistedOperations(TrustedDocuments trusted) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", TrustedDocuments.FORMAT);
        manifest.put("version", 1);
        manifest.put("operations", trusted.all().stream().map(TrustedOperation::manifestEntry).toList());
        return RouterFunctions.route()
                .GET("/v1/persisted-operations", request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .bodyValue(manifest))
                .build();
    }
}
