package com.funnelgate.gateway.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.support.TestSchemas;
import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Role;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The persisted-document stage alone, with a stub chain that echoes the document it was asked to run:
 * resolution by hash, registration, the hash check, and the persisted-only policy.
 */
class PersistedDocumentInterceptorTests {

    private static final String TRUSTED = "query Hello { hello }";
    private static final Caller VIEWER = new Caller("v", Role.VIEWER, Set.of(1L));
    private static final Caller BI = new Caller("b", Role.BI, Set.of(1L));

    private final RegisteredDocuments registered = new RegisteredDocuments(
            new PersistedProperties.Apq(DataSize.ofMegabytes(1), Duration.ofHours(1)), Optional.empty());
    private final PersistedDocumentInterceptor interceptor = new PersistedDocumentInterceptor(
            new TrustedDocuments(new TrustedDocuments.Manifest(TrustedDocuments.FORMAT, 1, List.of(
                    new TrustedDocuments.Manifest.Entry(DocumentIds.of(TRUSTED), "Hello", "query", TRUSTED))),
                    TestSchemas.of("type Query { hello: String other: String }")),
            registered, new PersistedProperties("unused", Set.of(Role.PARTNER, Role.BI), 10,
                    new PersistedProperties.Apq(DataSize.ofMegabytes(1), Duration.ofHours(1))));

    @Test
    void aTrustedOperationRunsByItsHashForAPersistedOnlyKey() {
        StepVerifier.create(run(BI, apq(PersistedReference.MARKER, DocumentIds.of(TRUSTED)), echo()))
                .assertNext(response -> assertThat(ran(response)).isEqualTo(TRUSTED))
                .verifyComplete();
    }

    @Test
    void aFreeFormQueryFromAPersistedOnlyKeyIsRefused() {
        StepVerifier.create(run(BI, plain("{ other }"), echo()))
                .assertNext(response -> assertThat(PersistedQueryRejection.of(response))
                        .contains(PersistedQueryRejection.REQUIRED))
                .verifyComplete();
        StepVerifier.create(run(BI, plain(TRUSTED), echo()))
                .assertNext(response -> assertThat(ran(response)).isEqualTo(TRUSTED))
                .verifyComplete();
    }

    @Test
    void aRequestWithoutACallerIsTreatedAsPersistedOnly() {
        StepVerifier.create(interceptor.intercept(plain("{ other }"), echo()))
                .assertNext(response -> assertThat(PersistedQueryRejection.of(response))
                        .contains(PersistedQueryRejection.REQUIRED))
                .verifyComplete();
    }

    @Test
    void anUnknownHashIsApollosNotFoundAndAKnownOneRunsItsDocument() {
        String query = "{ other }";
        StepVerifier.create(run(VIEWER, apq(PersistedReference.MARKER, DocumentIds.of(query)), echo()))
                .assertNext(response -> {
                    assertThat(PersistedQueryRejection.of(response)).contains(PersistedQueryRejection.APQ_NOT_FOUND);
                    assertThat(response.getErrors().get(0).getMessage()).isEqualTo("PersistedQueryNotFound");
                    assertThat(response.getResponseHeaders().getCacheControl()).contains("no-cache");
                })
                .verifyComplete();
        StepVerifier.create(run(VIEWER, apq(query, DocumentIds.of(query)), echo())).expectNextCount(1).verifyComplete();
        StepVerifier.create(run(VIEWER, apq(PersistedReference.MARKER, DocumentIds.of(query)), echo()))
                .assertNext(response -> assertThat(ran(response)).isEqualTo(query))
                .verifyComplete();
    }

    @Test
    void aHashThatIsNotTheQuerysIsRefusedAndNothingIsRegistered() {
        String query = "{ other }";
        String wrong = DocumentIds.of("{ hello }");
        StepVerifier.create(run(VIEWER, apq(query, wrong), echo()))
                .assertNext(response -> assertThat(PersistedQueryRejection.of(response))
                        .contains(PersistedQueryRejection.BAD_REFERENCE))
                .verifyComplete();
        StepVerifier.create(registered.find(wrong)).verifyComplete();
    }

    @Test
    void aDocumentThatFailsValidationIsNotRegistered() {
        String query = "{ nothing }";
        WebGraphQlInterceptor.Chain invalid = request -> Mono.just(response(request, ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().errorType(graphql.ErrorType.ValidationError).message("no").build())
                .build()));
        StepVerifier.create(run(VIEWER, apq(query, DocumentIds.of(query)), invalid)).expectNextCount(1).verifyComplete();
        StepVerifier.create(registered.find(DocumentIds.of(query))).verifyComplete();
    }

    private Mono<WebGraphQlResponse> run(Caller caller, WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
        return interceptor.intercept(request, chain)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new TestingAuthenticationToken(caller, null)));
    }

    private static WebGraphQlInterceptor.Chain echo() {
        return request -> Mono.just(response(request, ExecutionResult.newExecutionResult()
                .data(Map.of("ran", request.toExecutionInput().getQuery())).build()));
    }

    private static WebGraphQlResponse response(WebGraphQlRequest request, ExecutionResult result) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    private static String ran(WebGraphQlResponse response) {
        Map<String, Object> data = response.getData();
        return (String) data.get("ran");
    }

    private static WebGraphQlRequest plain(String query) {
        return request(query, Map.of());
    }

    private static WebGraphQlRequest apq(String query, String hash) {
        return request(query, Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
    }

    private static WebGraphQlRequest request(String document, Map<String, Object> extensions) {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, new HashMap<>(),
                new DefaultGraphQlRequest(document, null, Map.of(), extensions), "1", Locale.ROOT);
    }
}
