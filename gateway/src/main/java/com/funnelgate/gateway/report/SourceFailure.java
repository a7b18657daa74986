package com.funnelgate.gateway.report;

import com.funnelgate.gateway.errors.ErrorCode;

/**
 * A source that did not answer a report, to be reported next to the data that did arrive.
 *
 * @param source the {@link SourceStatus#source()} name
 * @param message what happened, in words the caller can act on
 */
public record SourceFailure(String source, ErrorCode code, String message) {
}
