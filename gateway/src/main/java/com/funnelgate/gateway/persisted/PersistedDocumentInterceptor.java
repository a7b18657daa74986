package com.funnelgate.gateway.persisted;

import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Role;
import graphql.ErrorType;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The persisted-document stage of the pipeline: resolves the document a request names (trusted operation
 * or APQ-registered, by APQ hash or {@code documentId}), registers APQ documents sent with their hash, and
 * enforces the key's policy: keys of a persisted-only role (PARTNER, BI) run trusted operations only. A
 * free-form document whose text is exactly a trusted operation's counts as that operation.
 *
 * <p>Refusals ({@link PersistedQueryRejection}) are answered without executing: an unknown APQ hash gets
 * Apollo's {@code PersistedQueryNotFound} (so Apollo Client retries with the query), a hash that is not the
 * query's a 400, a free-form document from a persisted-only key {@code PERSISTED_QUERY_REQUIRED} (403).
 */
@Component
@Order(PersistedDocumentInterceptor.ORDER)
public class PersistedDocumentInterceptor implements WebGraphQlInterceptor {

    /** After the tenant scope is resolved, before rate limiting and the request deadline. */
    public static final int ORDER = 0;

    private final TrustedDocuments trusted;
    private final RegisteredDocuments registered;
    private final Set<Role> persistedOnly;

    PersistedDocumentInterceptor(TrustedDocuments trusted, RegisteredDocuments registered,
            PersistedProperties properties) {
        this.trusted = trusted;
        this.registered = registered;
        this.persistedOnly = properties.persistedOnlyRoles();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        PersistedReference reference;
        try {
            reference = PersistedReference.of(request);
        } catch (PersistedReference.Rejected e) {
            return Mono.just(PersistedQueryRejection.BAD_REFERENCE.respond(request, e.getMessage()));
        }
        return persistedOnly().flatMap(restricted -> reference == null
                ? freeForm(request, chain, restricted)
                : reference.hashOnly() ? byHash(request, chain, reference, restricted)
                : withDocument(request, chain, reference, restricted));
    }

    /** Whether the caller may run trusted operations only; a request without a caller may (fail closed). */
    private Mono<Boolean> persistedOnly() {
        return Caller.current().map(caller -> persistedOnly.contains(caller.role())).defaultIfEmpty(true);
    }

    private Mono<WebGraphQlResponse> freeForm(WebGraphQlRequest request, Chain chain, boolean restricted) {
        if (restricted && trusted.byBody(request.getDocument()).isEmpty()) {
            return Mono.just(required(request));
        }
        return chain.next(request);
    }

    private Mono<WebGraphQlResponse> byHash(WebGraphQlRequest request, Chain chain, PersistedReference reference,
            boolean restricted) {
        Optional<TrustedOperation> operation = trusted.byId(reference.hash());
        if (operation.isPresent()) {
            return run(request, chain, operation.get().body());
        }
        Mono<String> document = restricted ? Mono.empty() : registered.find(reference.hash());
        return document.flatMap(text -> run(request, chain, text))
                .switchIfEmpty(Mono.fromSupplier(() -> notFound(request, reference, restricted)));
    }

    private Mono<WebGraphQlResponse> withDocument(WebGraphQlRequest request, Chain chain,
            PersistedReference reference, boolean restricted) {
        String actual = DocumentIds.of(reference.document());
        if (!actual.equals(reference.hash())) {
            return Mono.just(PersistedQueryRejection.BAD_REFERENCE.respond(request, "The persisted query hash "
                    + reference.hash() + " is not the SHA-256 of the query sent with it (" + actual
                    + "): hash the exact query text, in UTF-8."));
        }
        if (trusted.byId(reference.hash()).isPresent()) {
            return chain.next(request);
        }
        if (restricted) {
            return Mono.just(required(request));
        }
        return chain.next(request).flatMap(response -> isValidDocument(response)
                ? registered.register(reference.hash(), reference.document()).thenReturn(response)
                : Mono.just(response));
    }

    private static Mono<WebGraphQlResponse> run(WebGraphQlRequest request, Chain chain, String document) {
        request.configureExecutionInput((input, builder) -> builder.query(document).build());
        return chain.next(request);
    }

    private static WebGraphQlResponse notFound(WebGraphQlRequest request, PersistedReference reference,
            boolean restricted) {
        if (reference.kind() == PersistedReference.Kind.APQ) {
            return PersistedQueryRejection.APQ_NOT_FOUND.respond(request, PersistedQueryRejection.APQ_NOT_FOUND_MESSAGE);
        }
        return PersistedQueryRejection.DOCUMENT_NOT_FOUND.respond(request, "No " + (restricted ? "trusted " : "")
                + "document has the id " + reference.hash() + "; GET /v1/persisted-operations lists the trusted ones.");
    }

    private static WebGraphQlResponse required(WebGraphQlRequest request) {
        return PersistedQueryRejection.REQUIRED.respond(request, "This API key may run only trusted operations: "
                + "send a documentId (or APQ hash) from GET /v1/persisted-operations instead of a query.");
    }

    /** Whether a document parsed and validated, so that it is worth registering. */
    private static boolean isValidDocument(WebGraphQlResponse response) {
        for (ResponseError error : response.getErrors()) {
            if (error.getErrorType() == ErrorType.InvalidSyntax || error.getErrorType() == ErrorType.ValidationError) {
                return false;
            }
        }
        return true;
    }
}
