package com.funnelgate.gateway.graphql;

import graphql.execution.instrumentation.Instrumentation;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Wires the custom scalars into the schema that Spring for GraphQL builds from {@code schema/}, and
 * keeps the engine's per-field overhead down.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(Scalars.DATE)
                .scalar(Scalars.DATE_TIME)
                .scalar(Scalars.DECIMAL)
                .scalar(Scalars.LONG);
    }

    /**
     * Hands graphql-java the one instrumentation there is (the request observation) as it is. Spring
     * for GraphQL wraps its instrumentations in a {@code ChainedInstrumentation} even when there is a
     * single one, and the chain allocates contexts on each field's fetch and completion whether or not
     * anything in it looks at fields: on a 750-row report that was about a sixth of the CPU. With two
     * or more the chain stays as Spring built it.
     */
    @Bean
    GraphQlSourceBuilderCustomizer unchainedInstrumentation(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> {
            List<Instrumentation> all = instrumentations.orderedStream().toList();
            if (all.size() == 1) {
                graphQl.instrumentation(all.get(0));
            }
        });
    }

    /**
     * Runs queries with {@link FlatObjectStrategy}. Setting a strategy replaces the one graphql-java
     * would build around Spring's exception handler, so it gets the same handler: the exception
     * resolvers Boot hands to Spring for GraphQL, in the same order.
     */
    @Bean
    GraphQlSourceBuilderCustomizer flatObjects(ObjectProvider<DataFetcherExceptionResolver> resolvers) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.queryExecutionStrategy(new FlatObjectStrategy(
                DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()))));
    }
}
