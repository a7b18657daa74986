package com.funnelgate.gateway.answers;

import com.funnelgate.gateway.persisted.PersistedDocumentInterceptor;
import com.funnelgate.gateway.report.ReportFacts;
import com.funnelgate.gateway.tenancy.Caller;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Replays cached GraphQL answers of report operations ({@link AnswerCache}) without executing them, on
 * every path into GraphQL ({@code POST /graphql}, {@code GET /graphql} with APQ or a document id, the BI
 * endpoint): it runs right after {@link PersistedDocumentInterceptor}, so the document it keys on is the
 * one that would run. On a miss the request executes as usual, and the answer is offered to the cache with
 * the {@link ReportFacts} its report fields left in the request's {@code GraphQLContext}; a request
 * without them (no report field ran: mutations, {@code me}, introspection) is neither stored nor counted.
 * Requests without an authenticated caller pass through.
 */
@Component
@Order(AnswerCacheInterceptor.ORDER)
public class AnswerCacheInterceptor implements WebGraphQlInterceptor {

    /** Right after the persisted-document stage has resolved the document. */
    public static final int ORDER = PersistedDocumentInterceptor.ORDER + 1;

    private final AnswerCache answers;

    AnswerCacheInterceptor(AnswerCache answers) {
        this.answers = answers;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!answers.enabled()) {
            return chain.next(request);
        }
        return Caller.current().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(caller -> caller.isEmpty() ? chain.next(request) : cached(request, chain, caller.get()));
    }

    private Mono<WebGraphQlResponse> cached(WebGraphQlRequest request, Chain chain, Caller caller) {
        ExecutionInput input = request.toExecutionInput();
        AnswerCache.Key key = new AnswerCache.Key(caller, input.getQuery(), input.getOperationName(),
                input.getVariables());
        Optional<ExecutionResult> hit = answers.find(key);
        if (hit.isPresent()) {
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input, hit.get())));
        }
        // Before anything is read: an answer built from data that changes after this is recognisably old.
        long mark = answers.mark();
        return chain.next(request).doOnNext(response -> {
            ReportFacts facts = response.getExecutionInput().getGraphQLContext().get(ReportFacts.KEY);
            if (facts != null) {
                answers.offer(key, response.getExecutionResult(), facts, mark);
            }
        });
    }
}
