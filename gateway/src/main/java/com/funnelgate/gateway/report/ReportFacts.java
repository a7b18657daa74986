package com.funnelgate.gateway.report;

import graphql.GraphQLContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What the report fields of one GraphQL request tell a cache of whole answers about that answer, derived
 * from the outcomes of the sources they read and gathered in the request's {@link GraphQLContext} (each
 * report field adds its own with {@link #addTo(GraphQLContext, ReportFacts)}).
 *
 * @param fields how many root fields recorded facts; an answer whose data holds any other root field
 *     is not replayable
 * @param replayable whether every source of every report was CACHED or SKIPPED and none failed, so that a
 *     replay saying CACHED (with the data's asOf) is true
 * @param tenants the tenants whose data the reports hold: a change of any makes a copy of the answer old
 * @param freshUntil the earliest end of freshness of the cache entries the reports were built from; null
 *     when none was used
 */
public record ReportFacts(int fields, boolean replayable, Set<Long> tenants, Instant freshUntil) {

    /** The key of the facts in a request's {@link GraphQLContext}. */
    public static final String KEY = ReportFacts.class.getName();

    private static final ReportFacts NONE = new ReportFacts(0, true, Set.of(), null);

    public ReportFacts {
        tenants = Set.copyOf(tenants);
    }

    /** One tenant's report. */
    public static ReportFacts of(boolean replayable, long tenantId, Instant freshUntil) {
        return new ReportFacts(0, replayable, Set.of(tenantId), freshUntil);
    }

    /** A report that read no source of any tenant. */
    public static ReportFacts noSources() {
        return NONE;
    }

    /** Both together: replayable if both are, the earlier end of freshness, the tenants of either. */
    public ReportFacts and(ReportFacts other) {
        Set<Long> both = new HashSet<>(tenants);
        both.addAll(other.tenants);
        Instant until = freshUntil == null ? other.freshUntil
                : other.freshUntil == null || freshUntil.isBefore(other.freshUntil) ? freshUntil : other.freshUntil;
        return new ReportFacts(fields + other.fields, replayable && other.replayable, both, until);
    }

    /** Adds the facts of one root field to the request's (report fields may run concurrently). */
    public static void addTo(GraphQLContext context, ReportFacts field) {
        ReportFacts one = new ReportFacts(field.fields + 1, field.replayable, field.tenants, field.freshUntil);
        context.<ReportFacts>compute(KEY, (key, before) -> before == null ? one : before.and(one));
    }
}
