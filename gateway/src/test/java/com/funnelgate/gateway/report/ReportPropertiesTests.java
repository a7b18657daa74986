package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.funnelgate.gateway.source.Deadline;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sources' share of a report's deadline. */
class ReportPropertiesTests {

    @Test
    void theSourcesShareTheDeadlineLessTheAnswersReserve() {
        assertThat(properties(Duration.ofSeconds(10), Duration.ofMillis(50)).sourcesCutOff(new Deadline(10_000)))
                .isEqualTo(new Deadline(9_950));
    }

    @Test
    void aReserveAsLongAsTheDeadlineIsRejectedNamingTheProperty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Duration.ofMillis(100), Duration.ofMillis(100)))
                .withMessageContaining("funnelgate.report.answer-reserve");
    }

    private static ReportProperties properties(Duration deadline, Duration reserve) {
        return new ReportProperties(deadline, reserve, 400, 31, 20000, 200, 100);
    }
}
