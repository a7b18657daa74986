package com.funnelgate.adconnectors.meta;

import static com.funnelgate.adconnectors.AdNetwork.META;

import com.funnelgate.adconnectors.AdNetworkException.Transient.Reason;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.internal.HttpReply;
import com.funnelgate.adconnectors.internal.Json;
import com.funnelgate.adconnectors.internal.RetryAfter;
import com.funnelgate.adconnectors.internal.Statuses;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Classifies Graph API errors by the {@code error} envelope's {@code code}/{@code error_subcode},
 * not by the HTTP status (Meta throttles and rejects tokens with HTTP 400):
 * <ul>
 *   <li>4, 17, 32, 613, 80000–80014: rate limited, waiting what the usage headers announce;</li>
 *   <li>190 (expired/invalid token), 102, 104: credentials rejected (Meta has no refresh);</li>
 *   <li>10, 200–299, 100 with a permission message or subcode 33: permission denied;</li>
 *   <li>1, 2, {@code is_transient}, 100/1504018: transient;</li>
 *   <li>other 100, 3018 and the rest: invalid request; an unreadable body falls back to the status.</li>
 * </ul>
 */
final class MetaErrors {

    private static final Set<Integer> THROTTLE_CODES = Set.of(4, 17, 32, 613);
    private static final Set<Integer> TOKEN_CODES = Set.of(190, 102, 104);

    private MetaErrors() {
    }

    static AdNetworkException classify(HttpReply reply, MetaUsage usage) {
        JsonNode body = Json.tryParse(reply.body());
        JsonNode error = body == null ? null : body.path("error");
        if (error == null || !error.isObject()) {
            return Statuses.classify(META, reply.status(), "HTTP " + reply.status() + " without a Graph error", null);
        }
        Long code = safeCount(error.path("code"));
        Long subcode = safeCount(error.path("error_subcode"));
        String networkCode = code == null ? null : subcode == null ? code.toString() : code + "/" + subcode;
        String message = Json.text(error.path("message"));
        String text = message == null ? "Graph error " + networkCode : message;
        if (code == null) {
            return Statuses.classify(META, reply.status(), text, null);
        }
        return classify(code.intValue(), subcode, text, networkCode, error.path("is_transient").asBoolean(false),
                reply.status(), usage);
    }

    static AdNetworkException classify(int code, Long subcode, String text, String networkCode, boolean isTransient,
                                       int status, MetaUsage usage) {
        if (THROTTLE_CODES.contains(code) || (code >= 80000 && code <= 80014)) {
            Duration wait = usage == null ? null : usage.announcedWait().orElse(null);
            return new AdNetworkException.RateLimited(META, text, networkCode, wait, RetryAfter.instant(wait));
        }
        if (TOKEN_CODES.contains(code)) {
            return new AdNetworkException.CredentialsRejected(META, text, networkCode);
        }
        boolean permissionText = text.toLowerCase(Locale.ROOT).contains("permission");
        if (code == 10 || (code >= 200 && code <= 299)
                || (code == 100 && (permissionText || Long.valueOf(33).equals(subcode)))) {
            return new AdNetworkException.PermissionDenied(META, text, networkCode);
        }
        if (code == 1 || code == 2 || isTransient || (code == 100 && Long.valueOf(1504018).equals(subcode))) {
            return new AdNetworkException.Transient(META, Reason.SERVER_ERROR, text, networkCode);
        }
        if (status >= 500) {
            return new AdNetworkException.Transient(META, Reason.SERVER_ERROR, text, networkCode);
        }
        return new AdNetworkException.InvalidRequest(META, text, networkCode);
    }

    private static Long safeCount(JsonNode node) {
        try {
            return Json.count(META, node, "error code");
        } catch (AdNetworkException e) {
            return null;
        }
    }
}
