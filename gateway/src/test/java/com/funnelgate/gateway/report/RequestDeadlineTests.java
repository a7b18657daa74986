package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.source.Deadline;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The request's one deadline, with stub chains and virtual time: it starts when the HTTP request arrives
 * (or, when it came another way, when it enters the GraphQL pipeline), and what the report fields read from
 * the request's context is that deadline, however late they read it.
 */
class RequestDeadlineTests {

    private final RequestDeadline deadlines = new RequestDeadline(
            new ReportProperties(Duration.ofSeconds(2), Duration.ofMillis(50), 400, 31, 20000, 200, 100));

    @Test
    void theDeadlineStartsWhereTheRequestEntersAndEveryFieldSharesIt() {
        WebGraphQlInterceptor.Chain slowFields = request -> Mono.delay(Duration.ofMillis(1500)).map(tick -> {
            GraphQLContext context = request.toExecutionInput().getGraphQLContext();
            Deadline first = deadlines.of(context);
            Deadline second = deadlines.of(context);
            return response(request, Map.of("left", first.remaining().toMillis(), "same", first.equals(second)));
        });
        StepVerifier.withVirtualTime(() -> deadlines.intercept(request(new HashMap<>()), slowFields))
                .thenAwait(Duration.ofMillis(1500))
                .assertNext(response -> {
                    Map<String, Object> data = response.getData();
                    assertThat(data).containsEntry("left", 500L).containsEntry("same", true);
                })
                .verifyComplete();
    }

    @Test
    void overHttpTheDeadlineStartsWhenTheRequestArrivesBeforeAuthenticationAndTheBody() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/graphql"));
        WebGraphQlInterceptor.Chain fields = request -> Mono.fromSupplier(() -> response(request,
                Map.of("left", deadlines.of(request.toExecutionInput().getGraphQLContext()).remaining().toMillis())));
        StepVerifier.withVirtualTime(() -> deadlines.filter(exchange, arrived -> Mono.empty())
                        .then(Mono.delay(Duration.ofMillis(300)))
                        .then(Mono.defer(() -> deadlines.intercept(request(exchange.getAttributes()), fields))))
                .thenAwait(Duration.ofMillis(300))
                .assertNext(response -> assertThat(response.<Map<String, Object>>getData()).containsEntry("left", 1700L))
                .verifyComplete();
    }

    @Test
    void aRequestThatCameInAnotherWayGetsAFullDeadline() {
        StepVerifier.withVirtualTime(() -> Mono.fromSupplier(() -> deadlines.of(GraphQLContext.newContext().build())))
                .assertNext(deadline -> assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(2)))
                .verifyComplete();
    }

    private static WebGraphQlResponse response(WebGraphQlRequest request, Map<String, Object> data) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                ExecutionResult.newExecutionResult().data(data).build()));
    }

    private static WebGraphQlRequest request(Map<String, Object> attributes) {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, attributes,
                new DefaultGraphQlRequest("{ report { tenantId } }", null, Map.of(), Map.of()), "1", Locale.ROOT);
    }
}
