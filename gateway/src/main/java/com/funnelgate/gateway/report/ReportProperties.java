package com.funnelgate.gateway.report;

import com.funnelgate.gateway.source.Deadline;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timing of reports ({@code funnelgate.report.*}).
 *
 * @param deadline how long a request for reports may take in all, from its arrival until its answer is
 *        sent; sources share what is left of it less the {@code answerReserve}
 * @param answerReserve the end of the deadline kept for assembling and sending the answer once the
 *        sources have been cut off, so that an answer with a hanging source still arrives in time (a
 *        390-row blended report took about 20 ms to assemble, encode and send on a warm JVM and 40 ms
 *        just after start-up, before pauses of a loaded machine)
 * @param maxRangeDays the longest range a report may span, in days
 * @param maxHourRangeDays the longest range an HOUR report may span, in days
 * @param maxRows the most rows a report may return; narrower ranges or groupings are needed above
 * @param maxFilterIds the most ids one filter list may hold
 * @param maxTenantsPerRequest the most tenants one {@code reports} query may ask for
 */
@ConfigurationProperties("funnelgate.report")
public record ReportProperties(
        @DefaultValue("10s") Duration deadline,
        @DefaultValue("100ms") Duration answerReserve,
        @DefaultValue("400") int maxRangeDays,
        @DefaultValue("31") int maxHourRangeDays,
        @DefaultValue("20000") int maxRows,
        @DefaultValue("200") int maxFilterIds,
        @DefaultValue("100") int maxTenantsPerRequest) {

    public ReportProperties {
        if (answerReserve.isNegative() || answerReserve.compareTo(deadline) >= 0) {
            throw new IllegalArgumentException("funnelgate.report.answer-reserve must be at least zero and shorter "
                    + "than funnelgate.report.deadline (" + deadline + "), not " + answerReserve);
        }
    }

    /** When the sources of a request whose answer is due then are cut off: the answer's reserve before it. */
    public Deadline sourcesCutOff(Deadline answerDue) {
        return answerDue.earlier(answerReserve);
    }
}
