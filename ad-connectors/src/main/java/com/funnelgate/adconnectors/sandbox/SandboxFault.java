package com.funnelgate.adconnectors.sandbox;

/**
 * Failures the {@link AdNetworkSandbox} can be told to produce, each in the network's own wire
 * format, so that the real clients' classification runs end to end.
 */
public enum SandboxFault {
    /** Normal answers. */
    NONE,
    /**
     * The network's throttle answer: Meta HTTP 400 code 80000 with a usage header announcing the
     * wait, Google HTTP 429 {@code RESOURCE_EXHAUSTED} with {@code retryDelay}, AdRoll HTTP 429.
     */
    THROTTLE,
    /**
     * The network's rejected-token answer: Meta code 190, Google 401 {@code UNAUTHENTICATED} (and
     * {@code invalid_grant} from its token endpoint), AdRoll 401 (and {@code invalid_grant}).
     */
    CREDENTIALS_REJECTED,
    /** A server failure: Meta 503 code 2, Google 500 {@code INTERNAL}, AdRoll's {@code has_errors} envelope. */
    SERVER_ERROR,
    /** HTTP 200, JSON content type, truncated body. */
    MALFORMED_BODY,
    /** Never answers; the connection stays open until the client gives up. */
    HANG
}
