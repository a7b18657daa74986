package com.funnelgate.gateway.report;

import com.funnelgate.gateway.cache.Answer;
import com.funnelgate.gateway.resilience.SourceErrors;
import java.util.List;

/** How a cached source answer shows in {@link SourceStatus}. */
final class SourceStates {

    private SourceStates() {
    }

    static SourceStatus.State of(Answer<?> answer) {
        return SourceStatus.State.valueOf(answer.freshness().name());
    }

    /** The code of the failure a STALE answer stands in for; null otherwise. */
    static String errorCode(Answer<?> answer) {
        return answer.failure() == null ? null : SourceErrors.code(answer.failure()).name();
    }

    /** For a STALE answer: that the numbers are older than they should be, and why. */
    static List<String> warnings(Answer<?> answer, String what) {
        if (answer.failure() == null) {
            return List.of();
        }
        return List.of("The source failed (" + SourceErrors.code(answer.failure()).name() + "): these "
                + what + " are from the cache, as of " + answer.asOf() + ".");
    }
}
