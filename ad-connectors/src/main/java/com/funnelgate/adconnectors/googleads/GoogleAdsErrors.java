package com.funnelgate.adconnectors.googleads;

import static com.funnelgate.adconnectors.AdNetwork.GOOGLE_ADS;

import com.funnelgate.adconnectors.AdNetworkException.Transient.Reason;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.internal.HttpReply;
import com.funnelgate.adconnectors.internal.Json;
import com.funnelgate.adconnectors.internal.RetryAfter;
import com.funnelgate.adconnectors.internal.Statuses;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Classifies Google Ads errors from the {@code google.rpc.Status} envelope ({@code {"error":{...}}},
 * or an array of such for {@code searchStream}). The {@code GoogleAdsFailure} error code decides
 * first: {@code quotaError} rate limited (with {@code quotaErrorDetails.retryDelay}, except
 * {@code ACCESS_PROHIBITED}: permission denied), {@code authenticationError} credentials rejected,
 * {@code authorizationError} permission denied, {@code internalError} transient, any other category
 * invalid request. Without one, the canonical {@code status} decides, then the HTTP status.
 */
final class GoogleAdsErrors {

    private static final Set<String> TRANSIENT_STATUSES =
            Set.of("INTERNAL", "UNKNOWN", "UNAVAILABLE", "DEADLINE_EXCEEDED", "ABORTED");

    private GoogleAdsErrors() {
    }

    /** Classifies a non-2xx reply. */
    static AdNetworkException classify(HttpReply reply) {
        JsonNode body = Json.tryParse(reply.body());
        if (body != null && body.isArray() && body.size() > 0) {
            body = body.get(0);
        }
        JsonNode error = body == null ? null : body.path("error");
        if (error == null || !error.isObject()) {
            AdNetworkException byStatus = Statuses.classify(GOOGLE_ADS, reply.status(),
                    "HTTP " + reply.status() + " without a Google error body", null);
            if (byStatus instanceof AdNetworkException.RateLimited) {
                Duration wait = RetryAfter.parse(reply.header("Retry-After"));
                return new AdNetworkException.RateLimited(GOOGLE_ADS, byStatus.getMessage(), null, wait,
                        RetryAfter.instant(wait));
            }
            return byStatus;
        }
        return classify(error, reply.status());
    }

    /** Classifies one {@code error} object (from a reply or a stream element). */
    static AdNetworkException classify(JsonNode error, int httpStatus) {
        String status = Json.text(error.path("status"));
        JsonNode failure = firstFailure(error);
        String category = null;
        String value = null;
        if (failure != null) {
            for (Map.Entry<String, JsonNode> code : failure.path("errorCode").properties()) {
                category = code.getKey();
                value = Json.text(code.getValue());
                break;
            }
        }
        String message = failure != null && Json.text(failure.path("message")) != null
                ? Json.text(failure.path("message")) : Json.text(error.path("message"));
        String requestId = requestId(error);
        String text = (message == null ? "Google Ads error " + status : message)
                + (requestId == null ? "" : " (request-id " + requestId + ")");
        String networkCode = category != null ? category + "." + value : status;
        if (category != null) {
            return byCategory(category, value, text, networkCode, failure);
        }
        return byStatus(status, httpStatus, text, networkCode);
    }

    private static AdNetworkException byCategory(String category, String value, String text, String networkCode,
                                                 JsonNode failure) {
        switch (category) {
            case "quotaError":
                if ("ACCESS_PROHIBITED".equals(value)) {
                    return new AdNetworkException.PermissionDenied(GOOGLE_ADS, text, networkCode);
                }
                Duration wait = RetryAfter.protobuf(
                        Json.text(failure.path("details").path("quotaErrorDetails").path("retryDelay")));
                return new AdNetworkException.RateLimited(GOOGLE_ADS, text, networkCode, wait, RetryAfter.instant(wait));
            case "authenticationError":
                return new AdNetworkException.CredentialsRejected(GOOGLE_ADS, text, networkCode);
            case "authorizationError":
                return new AdNetworkException.PermissionDenied(GOOGLE_ADS, text, networkCode);
            case "internalError":
                return new AdNetworkException.Transient(GOOGLE_ADS, Reason.SERVER_ERROR, text, networkCode);
            default:
                return new AdNetworkException.InvalidRequest(GOOGLE_ADS, text, networkCode);
        }
    }

    private static AdNetworkException byStatus(String status, int httpStatus, String text, String networkCode) {
        if ("RESOURCE_EXHAUSTED".equals(status)) {
            return new AdNetworkException.RateLimited(GOOGLE_ADS, text, networkCode, null, null);
        }
        if ("UNAUTHENTICATED".equals(status)) {
            return new AdNetworkException.CredentialsRejected(GOOGLE_ADS, text, networkCode);
        }
        if ("PERMISSION_DENIED".equals(status)) {
            return new AdNetworkException.PermissionDenied(GOOGLE_ADS, text, networkCode);
        }
        if (status != null && TRANSIENT_STATUSES.contains(status)) {
            return new AdNetworkException.Transient(GOOGLE_ADS, Reason.SERVER_ERROR, text, networkCode);
        }
        if (status != null) {
            return new AdNetworkException.InvalidRequest(GOOGLE_ADS, text, networkCode);
        }
        return Statuses.classify(GOOGLE_ADS, httpStatus, text, null);
    }

    private static JsonNode firstFailure(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            for (JsonNode failure : detail.path("errors")) {
                if (failure.path("errorCode").isObject()) {
                    return failure;
                }
            }
        }
        return null;
    }

    private static String requestId(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            String id = Json.text(detail.path("requestId"));
            if (id != null) {
                return id;
            }
        }
        return null;
    }
}
