package com.funnelgate.gateway.answers;

import graphql.GraphQLContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the report fields of one GraphQL request tell the {@link AnswerCacheInterceptor} about its answer,
 * gathered in the request's {@link GraphQLContext} (each report field adds its own with
 * {@link #addTo(GraphQLContext, ReportFacts)}).
 *
 * @param fields how many root fields recorded facts; an answer whose data holds any other root field
 *     is not replayed
 * @param replayable whether every source of every report was CACHED or SKIPPED and none failed, so that a
 *     replay saying CACHED (with the data's asOf) is true
 * @param generations per tenant, its {@code DataGenerations} number read before its sources were read
 * @param freshUntil the earliest end of freshness of the cache entries the reports were built from; null
 *     when none was used
 */
public record ReportFacts(int fields, boolean replayable, Map<Long, Long> generations, Instant freshUntil) {

    /** The key of the facts in a request's {@link GraphQLContext}. */
    public static final String KEY = ReportFacts.class.getName();

    private static final ReportFacts NONE = new ReportFacts(0, true, Map.of(), null);

    public ReportFacts {
        generations = Map.copyOf(generations);
    }

    /** One tenant's report. */
    public static ReportFacts of(boolean replayable, long tenantId, long generation, Instant freshUntil) {
        return new ReportFacts(0, replayable, Map.of(tenantId, generation), freshUntil);
    }

    /** A report that read no source of any tenant. */
    public static ReportFacts noSources() {
        return NONE;
    }

    /** Both together: replayable if both are, the earlier end of freshness, each tenant's earlier reading. */
    public ReportFacts and(ReportFacts other) {
        Map<Long, Long> both = new HashMap<>(generations);
        other.generations.forEach((tenant, generation) -> both.merge(tenant, generation, Math::min));
        Instant until = freshUntil == null ? other.freshUntil
                : other.freshUntil == null || freshUntil.isBefore(other.freshUntil) ? freshUntil : other.freshUntil;
        return new ReportFacts(fields + other.fields, replayable && other.replayable, both, until);
    }

    /** Adds the facts of one root field to the request's (report fields may run concurrently). */
    public static void addTo(GraphQLContext context, ReportFacts field) {
        ReportFacts one = new ReportFacts(field.fields + 1, field.replayable, field.generations, field.freshUntil);
        context.<ReportFacts>compute(KEY, (key, before) -> before == null ? one : before.and(one));
    }
}
