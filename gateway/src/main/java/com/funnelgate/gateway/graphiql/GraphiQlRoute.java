package com.funnelgate.gateway.graphiql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves GraphiQL at {@code /graphiql}. Unlike Spring for GraphQL's page, which loads its scripts
 * from a CDN, this one loads React and GraphiQL from the gateway's own webjars, so it works offline.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "funnelgate.graphiql.enabled", matchIfMissing = true)
class GraphiQlRoute {

    private static final String SAMPLE_QUERY = """
            # Funnelgate: a tenant's funnel and ad metrics. Ctrl-Enter runs the query.
            {
              me { keyId role tenants { id name timeZone currency } }
              report(range: {from: "%s", to: "%s"}, granularity: WEEK, groupBy: [NETWORK]) {
                timeZone
                currency
                rows { period network metrics { visitors views engagements conversions revenue conversionRate } }
                totals { visitors views conversions revenue conversionRate completionRate }
                sources { source kind state latencyMs errorCode }
              }
            }
            """;

    @Bean
    RouterFunction<ServerResponse> graphiQl(GraphiQlProperties properties, JsonMapper json) {
        String template = template();
        return RouterFunctions.route()
                .GET("/graphiql", request -> {
                    LocalDate today = LocalDate.now();
                    Map<String, String> settings = new LinkedHashMap<>();
                    settings.put("endpoint", "/graphql");
                    settings.put("headers", properties.headers());
                    settings.put("defaultQuery", SAMPLE_QUERY.formatted(today.minusDays(27), today));
                    // "</" cannot appear inside the inline JSON, or it could close the script element.
                    String inline = json.writeValueAsString(settings).replace("</", "<\\/");
                    return ServerResponse.ok()
                            .contentType(MediaType.TEXT_HTML)
                            .bodyValue(template.replace("__SETTINGS__", inline));
                })
                .build();
    }

    private static String template() {
        try {
            return new ClassPathResource("graphiql/index.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("graphiql/index.html is missing from the classpath", e);
        }
    }
}
