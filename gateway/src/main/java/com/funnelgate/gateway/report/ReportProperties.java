package com.funnelgate.gateway.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timing of reports ({@code funnelgate.report.*}).
 *
 * @param deadline how long a report may take in all; sources share what is left of it
 * @param maxRangeDays the longest range a report may span, in days
 * @param maxHourRangeDays the longest range an HOUR report may span, in days
 * @param maxRows the most rows a report may return; narrower ranges or groupings are needed above
 * @param maxFilterIds the most ids one filter list may hold
 * @param maxTenantsPerRequest the most tenants one {@code reports} query may ask for
 */
@ConfigurationProperties("funnelgate.report")
public record ReportProperties(
        @DefaultValue("10s") Duration deadline,
        @DefaultValue("400") int maxRangeDays,
        @DefaultValue("31") int maxHourRangeDays,
        @DefaultValue("20000") int maxRows,
        @DefaultValue("200") int maxFilterIds,
        @DefaultValue("100") int maxTenantsPerRequest) {
}
