package com.funnelgate.adconnectors.internal;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON parsing for network bodies: floats become {@link BigDecimal} (never double), trailing
 * garbage fails, and every parse problem becomes a {@link AdNetworkException.Transient} of reason
 * {@code MALFORMED_RESPONSE}. Value readers treat missing, {@code null}, empty and {@code "-"} as
 * absent ({@code null}), and parse numbers from strings or JSON numbers exactly.
 */
public final class Json {

    /** The shared mapper: exact decimals, strict about trailing tokens. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {
    }

    /** Parses a body; empty, truncated or invalid JSON is a malformed-response transient. */
    public static JsonNode parse(AdNetwork network, byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed(network, "empty response body");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed(network, "empty response body");
            }
            return node;
        } catch (JacksonException e) {
            throw malformed(network, "response body is not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses a body that may not be JSON; returns {@code null} instead of failing. */
    public static JsonNode tryParse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Serializes a node to UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    /** A malformed-response transient. */
    public static AdNetworkException.Transient malformed(AdNetwork network, String message) {
        return new AdNetworkException.Transient(network, AdNetworkException.Transient.Reason.MALFORMED_RESPONSE,
                message, null);
    }

    /** A string value; absent for missing/null/blank. Numbers are given as their text. */
    public static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            String value = node.stringValue().trim();
            return value.isEmpty() ? null : value;
        }
        if (node.isNumber()) {
            return node.numberValue().toString();
        }
        return null;
    }

    /** A required string value; a missing one makes the body malformed. */
    public static String requiredText(AdNetwork network, JsonNode node, String what) {
        String value = text(node);
        if (value == null) {
            throw malformed(network, "response lacks " + what);
        }
        return value;
    }

    /**
     * An exact decimal from a string ({@code "14.35"}) or a JSON number; {@code null} for missing,
     * {@code null}, empty or {@code "-"}; anything else unparseable makes the body malformed.
     */
    public static BigDecimal decimal(AdNetwork network, JsonNode node, String what) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            String value = node.stringValue().trim();
            if (value.isEmpty() || value.equals("-")) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw malformed(network, what + " is not a number");
            }
        }
        throw malformed(network, what + " is not a number");
    }

    /** A whole count from a string ({@code "185"}) or a JSON number, with the same absent rules. */
    public static Long count(AdNetwork network, JsonNode node, String what) {
        BigDecimal value = decimal(network, node, what);
        if (value == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw malformed(network, what + " is not a whole number");
        }
    }

    /** Google micros (int64 as a string) to currency units, exactly: {@code "1745000"} → 1.745. */
    public static BigDecimal micros(AdNetwork network, JsonNode node, String what) {
        Long micros = count(network, node, what);
        if (micros == null) {
            return null;
        }
        BigDecimal units = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return units.scale() < 0 ? units.setScale(0) : units;
    }

    /** An ISO date ({@code "2024-01-31"}; a longer timestamp is cut to its date part). */
    public static LocalDate date(AdNetwork network, JsonNode node, String what) {
        String value = requiredText(network, node, what);
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw malformed(network, what + " is not an ISO date");
        }
    }
}
