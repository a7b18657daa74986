package com.funnelgate.adconnectors;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A classified failure of an ad network call. Every error a client emits is one of the five
 * subtypes, decided by reading the response body (not only the HTTP status):
 *
 * <ul>
 *   <li>{@link RateLimited}: the network throttled us; carries the wait it announced, if any.</li>
 *   <li>{@link CredentialsRejected}: the stored credentials no longer work and refreshing did not
 *       help; the tenant must reconnect the account.</li>
 *   <li>{@link PermissionDenied}: the credentials work but may not read this account or report.</li>
 *   <li>{@link InvalidRequest}: the request itself is wrong (bad id, range, configuration);
 *       repeating it will not help.</li>
 *   <li>{@link Transient}: 5xx, timeout, connection reset, malformed or truncated body, unexpected
 *       content type, failed report job; repeating it later may help.</li>
 * </ul>
 *
 * <p>Messages are safe to log and to show to operators: they never contain access tokens, refresh
 * tokens, client secrets or API keys, and no cause is attached (causes from the HTTP stack can
 * carry request URLs with tokens in them). {@link #networkCode()} holds the network's own error
 * code when there was one, for example {@code "80000/2446079"} or
 * {@code "quotaError.RESOURCE_EXHAUSTED"}.
 */
public abstract sealed class AdNetworkException extends RuntimeException
        permits AdNetworkException.RateLimited, AdNetworkException.CredentialsRejected,
        AdNetworkException.PermissionDenied, AdNetworkException.InvalidRequest,
        AdNetworkException.Transient {

    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(access_token|refresh_token|client_secret|fb_exchange_token|apikey|developer-token)"
                    + "(=|\"\\s*:\\s*\"|:\\s*)[^&\\s\"]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(Bearer|Token)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final int MAX_MESSAGE = 500;

    private final AdNetwork network;
    private final String networkCode;

    AdNetworkException(AdNetwork network, String message, String networkCode) {
        super(redact(network + ": " + message), null, false, false);
        this.network = Objects.requireNonNull(network, "network");
        this.networkCode = networkCode;
    }

    /** The network whose call failed. */
    public AdNetwork network() {
        return network;
    }

    /** The network's own error code, if it sent one. */
    public Optional<String> networkCode() {
        return Optional.ofNullable(networkCode);
    }

    /** Whether repeating the same call later may succeed: true for rate limits and transients. */
    public abstract boolean isRetryable();

    /** Removes anything that looks like a credential from a message and caps its length. */
    static String redact(String message) {
        String safe = SECRETS.matcher(message == null ? "" : message).replaceAll("$1$2<redacted>");
        safe = BEARER.matcher(safe).replaceAll("$1 <redacted>");
        return safe.length() <= MAX_MESSAGE ? safe : safe.substring(0, MAX_MESSAGE) + "...";
    }

    /**
     * The network throttled the call. {@link #retryAfter()} is the wait the network announced
     * (Google {@code retryDelay}, Meta {@code estimated_time_to_regain_access} or
     * {@code reset_time_duration}, an HTTP {@code Retry-After}), and {@link #regainAccessAt()} is
     * the instant that wait ends; both are empty when the network gave no time.
     */
    public static final class RateLimited extends AdNetworkException {
        private final Duration retryAfter;
        private final Instant regainAccessAt;

        public RateLimited(AdNetwork network, String message, String networkCode, Duration retryAfter,
                           Instant regainAccessAt) {
            super(network, message, networkCode);
            this.retryAfter = retryAfter;
            this.regainAccessAt = regainAccessAt;
        }

        /** The wait the network announced, if any. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        /** When the network said access comes back, if it said. */
        public Optional<Instant> regainAccessAt() {
            return Optional.ofNullable(regainAccessAt);
        }

        @Override
        public boolean isRetryable() {
            return true;
        }
    }

    /** The credentials were rejected even after any refresh: the tenant must reconnect. */
    public static final class CredentialsRejected extends AdNetworkException {
        public CredentialsRejected(AdNetwork network, String message, String networkCode) {
            super(network, message, networkCode);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** The credentials are valid but lack access to this account or report. */
    public static final class PermissionDenied extends AdNetworkException {
        public PermissionDenied(AdNetwork network, String message, String networkCode) {
            super(network, message, networkCode);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** The request was wrong (arguments, account id, query, configuration); do not repeat it. */
    public static final class InvalidRequest extends AdNetworkException {
        public InvalidRequest(AdNetwork network, String message, String networkCode) {
            super(network, message, networkCode);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** A failure that may pass: see {@link Reason} for which kind. */
    public static final class Transient extends AdNetworkException {
        private final Reason reason;

        public Transient(AdNetwork network, Reason reason, String message, String networkCode) {
            super(network, message, networkCode);
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        /** What kind of transient failure this was. */
        public Reason reason() {
            return reason;
        }

        @Override
        public boolean isRetryable() {
            return true;
        }

        /** The kinds of transient failure. */
        public enum Reason {
            /** The network answered 5xx or said in the body that the error is temporary. */
            SERVER_ERROR,
            /** No complete response within the configured request timeout. */
            TIMEOUT,
            /** The connection could not be made or broke (reset, premature close). */
            CONNECTION_FAILED,
            /** The body was empty, truncated, not JSON, or JSON of the wrong shape. */
            MALFORMED_RESPONSE,
            /** The response had a content type other than JSON. */
            UNEXPECTED_CONTENT_TYPE,
            /** An asynchronous report job failed, was skipped or did not finish in time. */
            REPORT_JOB_FAILED,
            /** The {@link CredentialStore} failed to load credentials or to persist a rotated token. */
            CREDENTIAL_STORE_FAILED
        }
    }
}
