package com.funnelgate.adconnectors.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses the waits networks announce: HTTP {@code Retry-After} and protobuf durations. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * An HTTP {@code Retry-After} value: delta seconds or an HTTP date; {@code null} when absent or
     * unreadable.
     */
    public static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A protobuf JSON duration such as {@code "8962s"} or {@code "1.5s"}; {@code null} if unreadable. */
    public static Duration protobuf(String value) {
        if (value == null || !value.endsWith("s")) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.substring(0, value.length() - 1));
            return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The instant a wait that starts now ends, or {@code null} for no wait. */
    public static Instant instant(Duration wait) {
        return wait == null ? null : Instant.now().plus(wait);
    }
}
