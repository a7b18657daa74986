package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.funnelgate.gateway.funnel.FunnelCatalog;
import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Role;
import com.funnelgate.gateway.tenancy.Tenant;
import com.funnelgate.gateway.tenancy.TenantDirectory;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Status;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * The start-up warm-up on its own, with a stub GraphQL handler: readiness (its health) is out of service
 * until it has run, it runs reports of the lowest-numbered tenant as an internal administrator, and a
 * warm-up that fails still ends, so that readiness never waits on it for ever. (The demo, warmed up for
 * real before it is ready, is {@code DemoTests}.)
 */
class RequestPathWarmupTests {

    private final TenantDirectory tenants = mock(TenantDirectory.class);
    private final List<String> documents = new ArrayList<>();
    private final List<Caller> callers = new ArrayList<>();
    private final ReportService reports = new ReportService(tenants, mock(FunnelCatalog.class),
            (query, deadline) -> Mono.never(), mock(AdSources.class),
            new ReportProperties(Duration.ofSeconds(2), Duration.ofMillis(50), 400, 31, 20000, 200, 100));

    @Test
    void readinessWaitsUntilTheReportPathHasBeenRunOnce() {
        when(tenants.first()).thenReturn(Mono.just(new Tenant(7, "first", ZoneId.of("Europe/Berlin"), "EUR")));
        Sinks.One<ExecutionGraphQlResponse> answer = Sinks.one();
        RequestPathWarmup warmup = warmup(handler(request -> capture(request).then(answer.asMono())), true);
        assertThat(warmup.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        Mono<org.springframework.boot.health.contributor.Health> running = warmup.run().cache();
        running.subscribe();
        assertThat(warmup.health().getStatus()).as("while it runs").isEqualTo(Status.OUT_OF_SERVICE);
        answer.tryEmitValue(response(1));
        assertThat(running.block().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.health().getDetails()).containsEntry("reports", "of tenant 7").containsEntry("errors", 1);
        assertThat(documents).singleElement().asString()
                .contains("granularity: HOUR", "granularity: DAY", "tenantId: \"7\"", "tenantId: \"0\"", "spend")
                .doesNotContain("mutation");
        assertThat(callers).singleElement().satisfies(caller -> assertThat(caller.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void withoutTenantsOnlyTheErrorPathRuns() {
        when(tenants.first()).thenReturn(Mono.empty());
        RequestPathWarmup warmup = warmup(handler(request -> capture(request).thenReturn(response(1))), true);
        assertThat(warmup.run().block().getDetails()).containsEntry("reports", "none (no tenant yet)");
        assertThat(documents).singleElement().asString().contains("tenantId: \"0\"").doesNotContain("HOUR");
    }

    @Test
    void aWarmupThatFailsStillEndsAndReadinessGoesUp() {
        when(tenants.first()).thenReturn(Mono.error(new IllegalStateException("database down")));
        RequestPathWarmup warmup = warmup(handler(request -> Mono.just(response(0))), true);
        assertThat(warmup.run().block().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.health().getDetails()).containsEntry("warmup", "failed: IllegalStateException");
    }

    @Test
    void turnedOffItRunsNothingAndIsUp() {
        WebGraphQlHandler handler = mock(WebGraphQlHandler.class);
        RequestPathWarmup warmup = warmup(handler, false);
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.run().block().getStatus()).isEqualTo(Status.UP);
        verify(handler, never()).handleRequest(any());
        verify(tenants, never()).first();
    }

    private RequestPathWarmup warmup(WebGraphQlHandler handler, boolean enabled) {
        return new RequestPathWarmup(provider(WebGraphQlHandler.class, handler), reports, tenants,
                new StaticListableBeanFactory().getBeanProvider(ConnectionFactory.class),
                provider(ServerCodecConfigurer.class, ServerCodecConfigurer.create()), new WarmupProperties(enabled));
    }

    private static <T> ObjectProvider<T> provider(Class<T> type, T bean) {
        return new StaticListableBeanFactory(Map.of("bean", bean)).getBeanProvider(type);
    }

    /** A GraphQL handler with the interceptors of none and the given execution. */
    private static WebGraphQlHandler handler(ExecutionGraphQlService execution) {
        return WebGraphQlHandler.builder(execution).build();
    }

    /** Notes the document and the caller the warm-up runs it as. */
    private Mono<Void> capture(ExecutionGraphQlRequest request) {
        documents.add(request.getDocument());
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .map(authentication -> (Caller) authentication.getPrincipal())
                .doOnNext(callers::add)
                .then();
    }

    private static ExecutionGraphQlResponse response(int errors) {
        ExecutionResult.Builder<?> result = ExecutionResult.newExecutionResult().data(Map.of("unknown", "x"));
        for (int i = 0; i < errors; i++) {
            result.addError(GraphqlErrorBuilder.newError().message("Unknown tenant 0.").build());
        }
        return new DefaultExecutionGraphQlResponse(graphql.ExecutionInput.newExecutionInput("{ x }").build(),
                result.build());
    }
}
