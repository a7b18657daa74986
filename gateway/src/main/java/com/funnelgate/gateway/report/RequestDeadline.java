package com.funnelgate.gateway.report;

import com.funnelgate.gateway.source.Deadline;
import graphql.GraphQLContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Starts the one deadline of a GraphQL request ({@code funnelgate.report.deadline}) where it enters the
 * GraphQL pipeline, on every path into it ({@code POST} and {@code GET /graphql}, the BI endpoint), and
 * puts it in the request's {@link GraphQLContext}: every report field of the request, every tenant of
 * {@code reports}, and every lookup and source they make share what is left of it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestDeadline implements WebGraphQlInterceptor {

    private static final String KEY = RequestDeadline.class.getName();

    private final ReportProperties properties;

    RequestDeadline(ReportProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Deadline deadline = Deadline.in(properties.deadline());
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
