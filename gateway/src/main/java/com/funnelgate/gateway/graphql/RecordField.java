package com.funnelgate.gateway.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A field read straight from its source object (a record component, typically), with no arguments
 * and no environment. It is a trivial fetcher, as graphql-java's default one is: no observation and
 * no context propagation around it; and {@link FlatObjectStrategy} completes an object whose every
 * field is one of these without executing the fields one by one.
 *
 * @param <S> the type of the source object
 */
public final class RecordField<S> implements LightDataFetcher<Object> {

    private final Function<S, ?> accessor;

    private RecordField(Function<S, ?> accessor) {
        this.accessor = accessor;
    }

    /** The field whose value is {@code accessor} applied to its source object. */
    public static <S> RecordField<S> of(Function<S, ?> accessor) {
        return new RecordField<>(accessor);
    }

    /** The field's value on {@code source}. */
    @SuppressWarnings("unchecked")
    Object read(Object source) {
        return accessor.apply((S) source);
    }

    @Override
    public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
        return read(source);
    }

    @Override
    public Object get(DataFetchingEnvironment environment) {
        return read(environment.getSource());
    }
}
