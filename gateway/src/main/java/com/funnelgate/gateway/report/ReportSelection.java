package com.funnelgate.gateway.report;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.HashSet;
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
        // Qualified names ("rows/metrics/spend") once, rather than a glob compiled per question.
        Set<String> selected = new HashSet<>();
        for (SelectedField field : selection.getFields()) {
            selected.add(field.getQualifiedName());
        }
        boolean rows = selected.contains("rows");
        boolean totals = selected.contains("totals");
        boolean anyMetric = selected.stream().anyMatch(name -> isChildOf(name, "rows/metrics/")
                || isChildOf(name, "totals/"));
        boolean funnel = any(selected, FUNNEL_METRICS) || (rows && !anyMetric);
        return new ReportSelection(rows, totals, selected.contains("sources"),
                selected.contains("timeZone") || selected.contains("currency"),
                funnel, any(selected, VISITOR_METRICS), any(selected, AD_METRICS));
    }

    private static boolean isChildOf(String name, String parent) {
        return name.startsWith(parent) && name.indexOf('/', parent.length()) < 0;
    }

    private static boolean any(Set<String> selected, Set<String> metrics) {
        for (String metric : metrics) {
            if (selected.contains("rows/metrics/" + metric) || selected.contains("totals/" + metric)) {
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
