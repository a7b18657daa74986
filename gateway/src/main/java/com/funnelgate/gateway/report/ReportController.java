package com.funnelgate.gateway.report;

import com.funnelgate.gateway.query.Dimension;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.tenancy.Caller;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The {@code report} and {@code reports} queries. Thin: hands the arguments, the selection, the caller
 * and the request's deadline to {@link ReportService}, and turns failed sources into GraphQL errors (with
 * {@code extensions.code} and {@code extensions.source}) next to the data that did arrive. Leaves each
 * field's {@link ReportFacts} in the request's {@code GraphQLContext} for a cache of whole answers.
 */
@Controller
class ReportController {

    private final ReportService reports;
    private final RequestDeadline deadlines;

    ReportController(ReportService reports, RequestDeadline deadlines) {
        this.reports = reports;
        this.deadlines = deadlines;
    }

    @QueryMapping
    Mono<DataFetcherResult<Report>> report(@Argument DateRange range, @Argument Granularity granularity,
            @Argument List<Dimension> groupBy, @Argument ReportFilterInput filter, @Argument String tenantId,
            @AuthenticationPrincipal Caller caller, DataFetchingEnvironment env) {
        ReportRequest request = new ReportRequest(range, granularity, groupBy, filter, tenantId);
        return reports.report(caller, request, ReportSelection.of(env.getSelectionSet()),
                        deadlines.of(env.getGraphQlContext()))
                .doOnNext(outcome -> ReportFacts.addTo(env.getGraphQlContext(), outcome.facts()))
                .map(outcome -> DataFetcherResult.<Report>newResult()
                        .data(outcome.report())
                        .errors(errors(outcome.failures(), env))
                        .build());
    }

    @QueryMapping(name = "reports")
    Mono<DataFetcherResult<List<Report>>> reportsOfTenants(@Argument List<String> tenantIds,
            @Argument DateRange range, @Argument Granularity granularity, @Argument List<Dimension> groupBy,
            @Argument ReportFilterInput filter, @AuthenticationPrincipal Caller caller, DataFetchingEnvironment env) {
        ReportRequest template = new ReportRequest(range, granularity == null ? Granularity.TOTAL : granularity,
                groupBy, filter, null);
        return reports.reports(caller, tenantIds, template, ReportSelection.of(env.getSelectionSet()),
                        deadlines.of(env.getGraphQlContext()))
                .collectList()
                .map(outcomes -> {
                    List<SourceFailure> failures = new ArrayList<>();
                    outcomes.forEach(outcome -> failures.addAll(outcome.failures()));
                    ReportFacts facts = outcomes.stream().map(ReportOutcome::facts)
                            .reduce(ReportFacts.noSources(), ReportFacts::and);
                    ReportFacts.addTo(env.getGraphQlContext(), facts);
                    return DataFetcherResult.<List<Report>>newResult()
                            .data(outcomes.stream().map(ReportOutcome::report).toList())
                            .errors(errors(failures, env))
                            .build();
                });
    }

    private static List<GraphQLError> errors(List<SourceFailure> failures, DataFetchingEnvironment env) {
        return failures.stream()
                .map(failure -> GraphqlErrorBuilder.newError(env)
                        .errorType(ErrorType.INTERNAL_ERROR)
                        .message(failure.message())
                        .extensions(Map.of("code", failure.code().name(), "source", failure.source()))
                        .build())
                .toList();
    }
}
