package com.funnelgate.gateway.graphql;

import graphql.Profiler;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherResult;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResultNodesInfo;
import graphql.introspection.Introspection;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;

/**
 * graphql-java's query strategy with one shortcut: an object whose every selected field is a
 * {@link RecordField} (report rows and their metrics, hundreds in one answer) is completed in one
 * pass over its selection, each selected field read from the source and serialized by its scalar or
 * enum type, a nested object of the same kind likewise. Executed field by field (an execution step,
 * a fetch with its instrumentation hooks and a completion each) those fields were most of a large
 * report's CPU.
 *
 * <p>The result is the one graphql-java produces: the same selection (aliases, fragments,
 * {@code @skip} and {@code @include}, {@code __typename}) in the same order. Wherever it could
 * differ, the object goes the usual way, which reports the error where graphql-java would: a null
 * in a non-null field, a value its type cannot serialize, a reader that throws, a field that is not
 * a {@code RecordField}, a value that is not there yet (a future, a publisher) or comes with errors
 * ({@code DataFetcherResult}), and requests with data loaders, profiling, {@code @defer} or a
 * result-size limit.
 * What the shortcut leaves out is per-field instrumentation, which has nothing to record on trivial
 * fetchers (Spring's observation skips them too).
 */
public final class FlatObjectStrategy extends AsyncExecutionStrategy {

    /** Returned by a field that the shortcut cannot complete. */
    private static final Object USUAL_WAY = new Object();

    /** A strategy that hands data-fetcher exceptions to {@code exceptionHandler}. */
    public FlatObjectStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected Object completeValueForObject(ExecutionContext context, ExecutionStrategyParameters parameters,
            GraphQLObjectType type, Object source) {
        if (shortcutAllowed(context)) {
            Plan plan = plan(context, type, parameters.getField());
            if (plan != null) {
                Object values = plan.complete(context, source);
                if (values != USUAL_WAY) {
                    return values;
                }
            }
        }
        return super.completeValueForObject(context, parameters, type, source);
    }

    /**
     * Whether nothing in the request depends on the objects being executed field by field. Data
     * loaders do: they are dispatched as each level's objects are executed. (Spring's observation
     * gives every request a registry, with no loaders in it unless some are registered.)
     */
    private static boolean shortcutAllowed(ExecutionContext context) {
        return context.getDataLoaderRegistry().getDataLoaders().isEmpty()
                && context.getProfiler() == Profiler.NO_OP
                && !context.hasIncrementalSupport()
                && !context.getGraphQLContext().hasKey(ResultNodesInfo.MAX_RESULT_NODES);
    }

    /**
     * How to complete {@code type} selected by {@code field}, or null when it cannot be done in one
     * pass. Worked out once per request for each selection: every row of a report shares its plan.
     */
    private Plan plan(ExecutionContext context, GraphQLObjectType type, MergedField field) {
        Map<PlanKey, Optional<Plan>> plans = context.getGraphQLContext()
                .computeIfAbsent(PlanKey.class, key -> new ConcurrentHashMap<PlanKey, Optional<Plan>>());
        return plans.computeIfAbsent(new PlanKey(field, type), key -> Optional.ofNullable(newPlan(context, type, field)))
                .orElse(null);
    }

    private Plan newPlan(ExecutionContext context, GraphQLObjectType type, MergedField field) {
        MergedSelectionSet selection = fieldCollector.collectFields(FieldCollectorParameters.newParameters()
                .schema(context.getGraphQLSchema())
                .objectType(type)
                .fragments(context.getFragmentsByName())
                .variables(context.getCoercedVariables().toMap())
                .graphQLContext(context.getGraphQLContext())
                .build(), field, false);
        List<String> keys = selection.getKeys();
        List<Step> steps = new ArrayList<>(keys.size());
        for (String key : keys) {
            MergedField selected = selection.getSubField(key);
            if (selected.getName().equals(Introspection.TypeNameMetaFieldDef.getName())) {
                steps.add(new Step(null, type.getName(), null));
                continue;
            }
            Field read = Field.of(type, type.getFieldDefinition(selected.getName()), context.getGraphQLSchema().getCodeRegistry());
            if (read == null) {
                return null;
            }
            Plan nested = null;
            if (read.type instanceof GraphQLObjectType objectType) {
                nested = newPlan(context, objectType, selected);
                if (nested == null) {
                    return null;
                }
            }
            steps.add(new Step(read, null, nested));
        }
        return new Plan(keys, steps.toArray(Step[]::new));
    }

    /** Identifies a selection of a type within one request. */
    private record PlanKey(MergedField field, GraphQLObjectType type) {
    }

    /** The keys of a completed object, in order, and how to get the value of each. */
    private record Plan(List<String> keys, Step[] steps) {

        /** The completed object, or {@link #USUAL_WAY}. */
        Object complete(ExecutionContext context, Object source) {
            List<Object> values = new ArrayList<>(steps.length);
            for (Step step : steps) {
                Object value = step.complete(context, source);
                if (value == USUAL_WAY) {
                    return USUAL_WAY;
                }
                values.add(value);
            }
            return context.getResponseMapFactory().createInsertionOrdered(keys, values);
        }
    }

    /** One key's value: a constant ({@code __typename}), or a field read and completed. */
    private record Step(Field field, Object constant, Plan nested) {

        Object complete(ExecutionContext context, Object source) {
            if (field == null) {
                return constant;
            }
            Object value;
            try {
                Object raw = context.getValueUnboxer().unbox(field.reader.read(source));
                if (raw instanceof CompletionStage<?> || raw instanceof DataFetcherResult<?> || raw instanceof Publisher<?>) {
                    return USUAL_WAY;
                }
                if (raw == null) {
                    value = null;
                } else if (nested != null) {
                    value = nested.complete(context, raw);
                } else if (field.type instanceof GraphQLScalarType scalar) {
                    value = scalar.getCoercing().serialize(raw, context.getGraphQLContext(), context.getLocale());
                } else {
                    value = ((GraphQLEnumType) field.type).serialize(raw, context.getGraphQLContext(), context.getLocale());
                }
            } catch (Exception e) {
                // Thrown again the usual way, it becomes the field's error as graphql-java reports it.
                return USUAL_WAY;
            }
            return value == null && field.nonNull ? USUAL_WAY : value;
        }
    }

    /** One field: how to read it, its type without non-null, and whether it is non-null. */
    private record Field(RecordField<?> reader, GraphQLType type, boolean nonNull) {

        /**
         * The field, or null when the shortcut cannot complete it: it is not a {@code RecordField}
         * (in this request's schema: a transformed one keeps its types), or it is a list or an
         * abstract type.
         */
        static Field of(GraphQLObjectType type, GraphQLFieldDefinition definition, GraphQLCodeRegistry registry) {
            GraphQLType fieldType = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            boolean completable = fieldType instanceof GraphQLScalarType
                    || fieldType instanceof GraphQLEnumType
                    || fieldType instanceof GraphQLObjectType;
            if (!completable || !(registry.getDataFetcher(type, definition) instanceof RecordField<?> reader)) {
                return null;
            }
            return new Field(reader, fieldType, GraphQLTypeUtil.isNonNull(definition.getType()));
        }
    }
}
