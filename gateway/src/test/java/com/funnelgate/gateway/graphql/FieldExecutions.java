package com.funnelgate.gateway.graphql;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the fields graphql-java executes one by one: what {@link FlatObjectStrategy} saves. */
final class FieldExecutions extends SimplePerformantInstrumentation {

    private final AtomicInteger count = new AtomicInteger();

    /** Fields executed so far. */
    int count() {
        return count.get();
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        count.incrementAndGet();
        return super.beginFieldExecution(parameters, state);
    }
}
