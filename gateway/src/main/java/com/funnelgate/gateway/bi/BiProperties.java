package com.funnelgate.gateway.bi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The BI endpoint, {@code GET /v1/reports/{operationName}} ({@code funnelgate.bi.*}).
 *
 * @param maxAge how long a BI tool or browser may reuse a complete answer without asking again
 *        ({@code Cache-Control: private, max-age}); answers with errors must be revalidated every time
 */
@ConfigurationProperties("funnelgate.bi")
public record BiProperties(@DefaultValue("60s") Duration maxAge) {
}
