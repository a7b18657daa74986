package com.funnelgate.gateway.report;

import com.funnelgate.gateway.source.Deadline;
import graphql.GraphQLContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The one deadline of a request ({@code funnelgate.report.deadline}): started, as the first web filter,
 * when the HTTP request arrives (before authentication and reading the body, which count too), and put by
 * the first GraphQL interceptor into the request's {@link GraphQLContext}, on every path into GraphQL
 * ({@code POST} and {@code GET /graphql}, the BI endpoint). Every report field of the request, every tenant
 * of {@code reports}, and every lookup and source they make share what is left of it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestDeadline implements WebFilter, WebGraphQlInterceptor {

    private static final String KEY = RequestDeadline.class.getName();

    private final ReportProperties properties;

    RequestDeadline(ReportProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(KEY, Deadline.in(properties.deadline()));
        return chain.filter(exchange);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Deadline started = (Deadline) request.getAttributes().get(KEY);
        Deadline deadline = started != null ? started : Deadline.in(properties.deadline());
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(context -> context.of(KEY, deadline)).build());
        return chain.next(request);
    }

    /** The request's deadline; one from now when it came in by another way (e.g. executed directly). */
    Deadline of(GraphQLContext context) {
        Deadline deadline = context.get(KEY);
        return deadline != null ? deadline : Deadline.in(properties.deadline());
    }
}
