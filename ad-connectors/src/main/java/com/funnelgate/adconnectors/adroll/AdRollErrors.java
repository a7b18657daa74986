package com.funnelgate.adconnectors.adroll;

import static com.funnelgate.adconnectors.AdNetwork.ADROLL;

import com.funnelgate.adconnectors.AdNetworkException.Transient.Reason;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.internal.HttpReply;
import com.funnelgate.adconnectors.internal.Json;
import com.funnelgate.adconnectors.internal.RetryAfter;
import com.funnelgate.adconnectors.internal.Statuses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Classifies AdRoll failures. Two body shapes exist: the REST/CRUD {@code {"errors":[{"message",
 * "code"}]}} (codes are bit flags: 512 FORBIDDEN, 16 NOT_FOUND, 1 INVALID..., 8 FAIL and 128 EXTERNAL
 * are server-side) and the GraphQL envelope with {@code has_errors} and {@code errors[{id,msg}]},
 * which can arrive with HTTP 200. HTTP 429 is rate limited ({@code Retry-After} when sent); 401 is
 * credentials rejected unless the message is about the {@code apikey} (our configuration: invalid
 * request). GraphQL error messages are not documented as codes, so they are read for their meaning;
 * anything unrecognised counts as transient.
 */
final class AdRollErrors {

    private AdRollErrors() {
    }

    /** Classifies a non-2xx reply. */
    static AdNetworkException classify(HttpReply reply) {
        JsonNode body = Json.tryParse(reply.body());
        List<String> messages = messages(body);
        Long code = firstCode(body);
        String text = messages.isEmpty() ? "HTTP " + reply.status() : String.join("; ", messages);
        String networkCode = code == null ? null : code.toString();
        if (reply.status() == 429) {
            Duration wait = RetryAfter.parse(reply.header("Retry-After"));
            return new AdNetworkException.RateLimited(ADROLL, text, networkCode, wait, RetryAfter.instant(wait));
        }
        if (text.toLowerCase(Locale.ROOT).contains("apikey")) {
            return new AdNetworkException.InvalidRequest(ADROLL, text, networkCode);
        }
        if (code != null && (code & 512) != 0) {
            return new AdNetworkException.PermissionDenied(ADROLL, text, networkCode);
        }
        if (reply.status() == 401 || reply.status() == 403 || reply.status() >= 500 || code == null) {
            return Statuses.classify(ADROLL, reply.status(), text, networkCode);
        }
        if ((code & (8 | 128)) != 0) {
            return new AdNetworkException.Transient(ADROLL, Reason.SERVER_ERROR, text, networkCode);
        }
        return new AdNetworkException.InvalidRequest(ADROLL, text, networkCode);
    }

    /** Classifies a 2xx GraphQL body whose {@code has_errors} is true. */
    static AdNetworkException graphQl(JsonNode body) {
        List<String> messages = messages(body);
        String text = (messages.isEmpty() ? "query failed" : String.join("; ", messages))
                + (Json.text(body.path("request")) == null ? "" : " (request " + Json.text(body.path("request")) + ")");
        String networkCode = Json.text(body.path("errors").path(0).path("id"));
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("rate limit") || lower.contains("too many") || lower.contains("throttl")) {
            return new AdNetworkException.RateLimited(ADROLL, text, networkCode, null, null);
        }
        if (lower.contains("unauthorized") || lower.contains("unauthenticated") || lower.contains("expired token")
                || lower.contains("invalid token")) {
            return new AdNetworkException.CredentialsRejected(ADROLL, text, networkCode);
        }
        if (lower.contains("permission") || lower.contains("forbidden") || lower.contains("access denied")) {
            return new AdNetworkException.PermissionDenied(ADROLL, text, networkCode);
        }
        if (lower.contains("not found") || lower.contains("invalid") || lower.contains("syntax")
                || lower.contains("cannot query field") || lower.contains("unknown argument")) {
            return new AdNetworkException.InvalidRequest(ADROLL, text, networkCode);
        }
        return new AdNetworkException.Transient(ADROLL, Reason.SERVER_ERROR, text, networkCode);
    }

    private static List<String> messages(JsonNode body) {
        List<String> messages = new ArrayList<>();
        if (body == null) {
            return messages;
        }
        for (JsonNode error : body.path("errors")) {
            String message = Json.text(error.path("message")) != null ? Json.text(error.path("message"))
                    : Json.text(error.path("msg"));
            if (message != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static Long firstCode(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode code = body.path("errors").path(0).path("code");
        return code.isIntegralNumber() ? code.longValue() : null;
    }
}
