package com.funnelgate.gateway.support;

import com.funnelgate.gateway.graphql.Scalars;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/** Small executable-shape schemas for unit tests that need graphql-java types but no Spring context. */
public final class TestSchemas {

    private TestSchemas() {
    }

    public static GraphQLSchema of(String sdl) {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().scalar(Scalars.DATE).scalar(Scalars.DECIMAL)
                .scalar(Scalars.LONG).build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
    }
}
