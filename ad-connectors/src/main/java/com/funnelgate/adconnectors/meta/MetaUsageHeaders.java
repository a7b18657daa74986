package com.funnelgate.adconnectors.meta;

import com.funnelgate.adconnectors.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Parses Meta's usage headers into {@link MetaUsage}. Each header is JSON; a header that does not
 * parse (the doc samples themselves carry comments and single quotes) is skipped, never fatal.
 */
final class MetaUsageHeaders {

    static final String APP = "X-App-Usage";
    static final String AD_ACCOUNT = "X-Ad-Account-Usage";
    static final String BUSINESS_USE_CASE = "X-Business-Use-Case-Usage";
    static final String INSIGHTS_THROTTLE = "X-FB-Ads-Insights-Throttle";

    private MetaUsageHeaders() {
    }

    /** The usage the headers report, or {@code null} when none of them is present and readable. */
    static MetaUsage parse(String accountId, HttpHeaders headers, Instant now) {
        JsonNode app = header(headers, APP);
        JsonNode account = header(headers, AD_ACCOUNT);
        JsonNode buc = header(headers, BUSINESS_USE_CASE);
        JsonNode insights = header(headers, INSIGHTS_THROTTLE);
        if (app == null && account == null && buc == null && insights == null) {
            return null;
        }
        Double resetSeconds = number(account, "reset_time_duration");
        return new MetaUsage(accountId, now,
                number(app, "call_count"), number(app, "total_time"), number(app, "total_cputime"),
                number(account, "acc_id_util_pct"),
                resetSeconds == null ? null : Duration.ofMillis(Math.round(resetSeconds * 1000)),
                tier(account, insights, buc),
                businessUseCases(buc),
                number(insights, "app_id_util_pct"), number(insights, "acc_id_util_pct"));
    }

    private static List<MetaUsage.BusinessUseCase> businessUseCases(JsonNode buc) {
        List<MetaUsage.BusinessUseCase> entries = new ArrayList<>();
        if (buc == null || !buc.isObject()) {
            return entries;
        }
        for (Map.Entry<String, JsonNode> business : buc.properties()) {
            if (!business.getValue().isArray()) {
                continue;
            }
            for (JsonNode entry : business.getValue()) {
                Double minutes = number(entry, "estimated_time_to_regain_access");
                entries.add(new MetaUsage.BusinessUseCase(business.getKey(), Json.text(entry.path("type")),
                        number(entry, "call_count"), number(entry, "total_time"), number(entry, "total_cputime"),
                        minutes == null ? null : Duration.ofSeconds(Math.round(minutes * 60))));
            }
        }
        return entries;
    }

    private static String tier(JsonNode account, JsonNode insights, JsonNode buc) {
        for (JsonNode node : new JsonNode[] {account, insights}) {
            if (node != null && Json.text(node.path("ads_api_access_tier")) != null) {
                return Json.text(node.path("ads_api_access_tier"));
            }
        }
        if (buc != null) {
            for (JsonNode business : buc) {
                for (JsonNode entry : business) {
                    if (Json.text(entry.path("ads_api_access_tier")) != null) {
                        return Json.text(entry.path("ads_api_access_tier"));
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode header(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        JsonNode node = value == null ? null : Json.tryParse(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return node != null && node.isObject() ? node : null;
    }

    private static Double number(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.doubleValue();
        }
        String text = Json.text(value);
        try {
            return text == null ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
