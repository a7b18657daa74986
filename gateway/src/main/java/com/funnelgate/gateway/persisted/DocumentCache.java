package com.funnelgate.gateway.persisted;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Parsed and validated documents, by document text (bounded, least recently used out), so a hot
 * operation is parsed and validated once rather than per request. Documents that failed parsing or
 * validation are kept too: the same bad document gets the same errors without the work.
 */
public class DocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final LongAdder parses = new LongAdder();

    public DocumentCache(int maximumDocuments) {
        this.documents = Caffeine.newBuilder().maximumSize(maximumDocuments).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry entry = documents.get(input.getQuery(), query -> {
            parses.increment();
            return parseAndValidate.apply(input);
        });
        return CompletableFuture.completedFuture(entry);
    }

    /** Whether this document text is cached. */
    public boolean contains(String document) {
        return documents.getIfPresent(document) != null;
    }

    /** How many documents were parsed and validated (cache misses) since start-up. */
    public long parses() {
        return parses.sum();
    }
}
