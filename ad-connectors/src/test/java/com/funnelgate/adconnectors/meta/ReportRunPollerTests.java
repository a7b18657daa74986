package com.funnelgate.adconnectors.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetworkException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class ReportRunPollerTests {

    private final ReportRunPoller poller =
            new ReportRunPoller(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(10));
    private final AtomicInteger polls = new AtomicInteger();

    private Mono<ReportRunPoller.RunStatus> status(int completeOnPoll) {
        return Mono.fromSupplier(() -> polls.incrementAndGet() >= completeOnPoll
                ? new ReportRunPoller.RunStatus("Job Completed", 100, null, null)
                : new ReportRunPoller.RunStatus("Job Running", 50, null, null));
    }

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        assertThat(poller.delay(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(poller.delay(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(poller.delay(3)).isEqualTo(Duration.ofSeconds(16));
        assertThat(poller.delay(4)).isEqualTo(Duration.ofSeconds(30));
        assertThat(poller.delay(40)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void pollsOnReactorTimeUntilTheJobCompletes() {
        StepVerifier.withVirtualTime(() -> poller.awaitCompletion(() -> status(3)))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(2))
                .then(() -> assertThat(polls).hasValue(1))
                .thenAwait(Duration.ofSeconds(4))
                .then(() -> assertThat(polls).hasValue(2))
                .expectNoEvent(Duration.ofSeconds(7))
                .thenAwait(Duration.ofSeconds(1))
                .verifyComplete();
        assertThat(polls).hasValue(3);
    }

    @Test
    void completedBelowOneHundredPercentIsNotDone() {
        AtomicInteger n = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> poller.awaitCompletion(() -> Mono.fromSupplier(() -> n.incrementAndGet() == 1
                        ? new ReportRunPoller.RunStatus("Job Completed", 99, null, null)
                        : new ReportRunPoller.RunStatus("Job Completed", 100, null, null))))
                .thenAwait(Duration.ofSeconds(6))
                .verifyComplete();
        assertThat(n).hasValue(2);
    }

    @Test
    void aSkippedJobFails() {
        StepVerifier.withVirtualTime(() -> poller.awaitCompletion(
                        () -> Mono.just(new ReportRunPoller.RunStatus("Job Skipped", 0, null, null))))
                .thenAwait(Duration.ofSeconds(2))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(AdNetworkException.Transient.class,
                        t -> assertThat(t.reason()).isEqualTo(AdNetworkException.Transient.Reason.REPORT_JOB_FAILED)))
                .verify();
    }

    @Test
    void aJobThatNeverEndsTimesOut() {
        StepVerifier.withVirtualTime(() -> poller.awaitCompletion(() -> status(Integer.MAX_VALUE)))
                .thenAwait(Duration.ofMinutes(10))
                .expectError(AdNetworkException.Transient.class)
                .verify();
    }

    @Test
    void cancellingStopsPolling() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
        try {
            Disposable subscription = poller.awaitCompletion(() -> status(Integer.MAX_VALUE)).subscribe();
            clock.advanceTimeBy(Duration.ofSeconds(6));
            assertThat(polls).hasValue(2);

            subscription.dispose();
            clock.advanceTimeBy(Duration.ofMinutes(30));

            assertThat(polls).hasValue(2);
        } finally {
            VirtualTimeScheduler.reset();
        }
    }
}
