package com.funnelgate.gateway.report;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.Set;

/**
 * What a query selected of a {@code Report}, reduced to what decides the work: which sources are
 * needed (a query asking only for spend never touches Postgres; one selecting only {@code range}
 * runs no SQL at all), whether rows or only totals are needed, whether to count visitors.
 */
public record ReportSelection(boolean rows, boolean totals, boolean sources, boolean tenantDetails,
        boolean funnel, boolean visitors, boolean adSpend) {

    /** Metrics computed from funnel events, directly or as an input. */
    private static final Set<String> FUNNEL_METRICS = Set.of("visitors", "views", "engagements", "conversions",
            "completions", "revenue", "conversionRate", "completionRate", "cpa", "costPerVisitor", "roas");
    /** Metrics computed from ad spend, directly or as an input. */
    private static final Set<String> AD_METRICS = Set.of("spend", "impressions", "clicks", "ctr", "cpc", "cpm",
            "cpa", "costPerVisitor", "roas");
    /** Metrics that need distinct visitors. */
    private static final Set<String> VISITOR_METRICS = Set.of("visitors", "costPerVisitor");

    public static ReportSelection of(DataFetchingFieldSelectionSet selection) {
        boolean rows = selection.contains("rows");
        boolean totals = selection.contains("totals");
        boolean anyMetric = selection.contains("rows/metrics/*") || selection.contains("totals/*");
        boolean funnel = any(selection, FUNNEL_METRICS) || (rows && !anyMetric);
        return new ReportSelection(rows, totals, selection.contains("sources"),
                selection.contains("timeZone") || selection.contains("currency"),
                funnel, any(selection, VISITOR_METRICS), any(selection, AD_METRICS));
    }

    private static boolean any(DataFetchingFieldSelectionSet selection, Set<String> metrics) {
        for (String metric : metrics) {
            if (selection.contains("rows/metrics/" + metric) || selection.contains("totals/" + metric)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the tenant's details (zone, currency) must be looked up. */
    public boolean needsTenant() {
        return tenantDetails || rows || totals;
    }
}
