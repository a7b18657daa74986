package com.funnelgate.gateway.bi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes {@code GET /v1/reports/{operationName}} (the BI endpoint) to {@link BiReportHandler}. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Configuration(proxyBeanMethods = false)
class BiReportRoute {

    @Bean
    RouterFunction<ServerResponse> biReports(BiReportHandler handler) {
        return RouterFunctions.route().GET("/v1/reports/{operationName}", handler::handle).build();
    }
}
