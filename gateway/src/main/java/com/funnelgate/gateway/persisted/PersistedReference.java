package com.funnelgate.gateway.persisted;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * How a request names a persisted document: by APQ ({@code extensions.persistedQuery.sha256Hash}, Apollo
 * protocol version 1) or by {@code documentId} (GraphQL over HTTP; {@code sha256:<hex>} or {@code <hex>}),
 * with or without the document text next to it. Transports put a request's {@code documentId} in the request
 * attributes under {@link #DOCUMENT_ID_ATTRIBUTE}, and send {@link #MARKER} as the document when the request
 * has no text.
 *
 * @param kind how the document was named
 * @param hash the document id, a lowercase hex SHA-256
 * @param document the document text sent with the reference, or null for a hash-only request
 */
record PersistedReference(Kind kind, String hash, String document) {

    /** The request attribute a transport puts a request's {@code documentId} in. */
    static final String DOCUMENT_ID_ATTRIBUTE = "funnelgate.persisted.documentId";
    /** The document of a request that sends only a reference: graphql-java's and Spring's marker. */
    static final String MARKER = PersistedQuerySupport.PERSISTED_QUERY_MARKER;

    /** How a request names its document. */
    enum Kind { APQ, DOCUMENT_ID }

    boolean hashOnly() {
        return document == null;
    }

    /**
     * The reference a request carries, or null when it sends a plain document.
     *
     * @throws Rejected when the reference is malformed
     */
    static PersistedReference of(WebGraphQlRequest request) {
        String text = MARKER.equals(request.getDocument()) ? null : request.getDocument();
        Object documentId = request.getAttributes().get(DOCUMENT_ID_ATTRIBUTE);
        Object persistedQuery = request.getExtensions().get("persistedQuery");
        if (documentId == null && persistedQuery == null) {
            return null;
        }
        String apqHash = persistedQuery == null ? null : apqHash(persistedQuery);
        if (documentId == null) {
            return new PersistedReference(Kind.APQ, apqHash, text);
        }
        String id = documentId instanceof String value ? DocumentIds.normalize(value) : null;
        if (id == null) {
            throw new Rejected("documentId must be a SHA-256 in hex, optionally prefixed with \"sha256:\".");
        }
        if (apqHash != null && !apqHash.equals(id)) {
            throw new Rejected("documentId and extensions.persistedQuery.sha256Hash name different documents.");
        }
        return new PersistedReference(Kind.DOCUMENT_ID, id, text);
    }

    private static String apqHash(Object persistedQuery) {
        if (!(persistedQuery instanceof Map<?, ?> apq)) {
            throw new Rejected("extensions.persistedQuery must be an object {version: 1, sha256Hash: \"<hex>\"}.");
        }
        if (!(apq.get("version") instanceof Number version) || version.intValue() != 1) {
            throw new Rejected("extensions.persistedQuery.version must be 1 (the only APQ version there is).");
        }
        String hash = apq.get("sha256Hash") instanceof String value ? DocumentIds.normalize(value) : null;
        if (hash == null) {
            throw new Rejected("extensions.persistedQuery.sha256Hash must be the SHA-256 of the query in hex.");
        }
        return hash;
    }

    /** A malformed reference: answered with 400 {@code BAD_USER_INPUT}. */
    static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }
}
