package com.funnelgate.gateway.persisted;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the {@link DocumentCache} (behind the GET read-only check) into the GraphQL engine Spring Boot builds. */
@Configuration(proxyBeanMethods = false)
class PersistedConfig {

    @Bean
    DocumentCache documentCache(PersistedProperties properties) {
        return new DocumentCache(properties.parsedDocuments());
    }

    @Bean
    GraphQlSourceBuilderCustomizer preparsedDocuments(DocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl ->
                graphQl.preparsedDocumentProvider(new ReadOnlyOperations(documents)));
    }
}
