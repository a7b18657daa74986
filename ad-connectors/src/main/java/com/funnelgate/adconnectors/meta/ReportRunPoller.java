package com.funnelgate.adconnectors.meta;

import static com.funnelgate.adconnectors.AdNetwork.META;

import com.funnelgate.adconnectors.AdNetworkException.Transient.Reason;
import com.funnelgate.adconnectors.AdNetworkException;
import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Polls an async report run ({@code AdReportRun}) until it completes, with exponential backoff on
 * Reactor's clock: waits {@code initialDelay}, then twice that, up to {@code maxDelay} between polls.
 * "Job Completed" at 100 % ends the wait; "Job Failed" and "Job Skipped" fail it as a transient
 * {@code REPORT_JOB_FAILED} carrying Meta's error code and message; a run that has not finished
 * within {@code jobTimeout} fails the same way. Cancelling stops polling at once.
 */
final class ReportRunPoller {

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration jobTimeout;

    ReportRunPoller(Duration initialDelay, Duration maxDelay, Duration jobTimeout) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.jobTimeout = jobTimeout;
    }

    /** A report run's state as one poll saw it. */
    record RunStatus(String asyncStatus, long percentCompletion, String errorCode, String errorMessage) {

        boolean completed() {
            return "Job Completed".equals(asyncStatus) && percentCompletion >= 100;
        }

        boolean failed() {
            return "Job Failed".equals(asyncStatus) || "Job Skipped".equals(asyncStatus);
        }
    }

    /** Completes when the run completed; errors when it failed or timed out. */
    Mono<Void> awaitCompletion(Supplier<Mono<RunStatus>> poll) {
        return attempt(poll, 0)
                .timeout(jobTimeout, Mono.error(() -> new AdNetworkException.Transient(META,
                        Reason.REPORT_JOB_FAILED, "report job did not finish within " + jobTimeout, null)));
    }

    private Mono<Void> attempt(Supplier<Mono<RunStatus>> poll, int number) {
        return Mono.delay(delay(number))
                .then(Mono.defer(poll))
                .flatMap(status -> {
                    if (status.completed()) {
                        return Mono.<Void>empty();
                    }
                    if (status.failed()) {
                        return Mono.error(new AdNetworkException.Transient(META, Reason.REPORT_JOB_FAILED,
                                "report job ended as '" + status.asyncStatus() + "'"
                                        + (status.errorMessage() == null ? "" : ": " + status.errorMessage()),
                                status.errorCode()));
                    }
                    return attempt(poll, number + 1);
                });
    }

    Duration delay(int number) {
        Duration delay = initialDelay;
        for (int i = 0; i < number && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
