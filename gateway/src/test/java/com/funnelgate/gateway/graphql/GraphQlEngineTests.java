package com.funnelgate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/** How the GraphQL engine is put together, where that decides what every request costs. */
@GatewayTest
class GraphQlEngineTests {

    @Autowired GraphQlSource graphQlSource;

    @Test
    void requestsAreObservedWithoutAChainedInstrumentation() {
        // A ChainedInstrumentation (even of one) costs allocations on every field of every row.
        assertThat(graphQlSource.graphQl().getInstrumentation()).isInstanceOf(GraphQlObservationInstrumentation.class);
    }
}
