package com.funnelgate.adconnectors.googleads;

import static com.funnelgate.adconnectors.AdNetwork.GOOGLE_ADS;

import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.adconnectors.internal.Json;
import com.funnelgate.adconnectors.internal.Pages;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Maps Google Ads REST results to rows. A {@code search} page is an object whose {@code results} may
 * be absent (proto3 omits empty lists: an empty page); a {@code searchStream} body is an array of
 * batches, any of which may be an {@code {"error":...}} element, which fails the whole fetch even
 * after data batches. {@code costMicros} is divided by 1,000,000; int64 counts arrive as strings,
 * {@code conversions} as a JSON number read exactly.
 */
final class GoogleAdsRows {

    private GoogleAdsRows() {
    }

    static Pages.Page<AdSpendRow> searchPage(AdAccount account, JsonNode body) {
        if (!body.isObject()) {
            throw Json.malformed(GOOGLE_ADS, "search response is not an object");
        }
        return new Pages.Page<>(results(account, body.path("results")), Json.text(body.path("nextPageToken")));
    }

    static List<AdSpendRow> stream(AdAccount account, JsonNode body) {
        if (!body.isArray()) {
            throw Json.malformed(GOOGLE_ADS, "searchStream response is not an array");
        }
        List<AdSpendRow> rows = new ArrayList<>();
        for (JsonNode batch : body) {
            if (batch.path("error").isObject()) {
                AdNetworkException error = GoogleAdsErrors.classify(batch.path("error"), 200);
                throw error;
            }
            if (!batch.isObject()) {
                throw Json.malformed(GOOGLE_ADS, "searchStream batch is not an object");
            }
            rows.addAll(results(account, batch.path("results")));
        }
        return rows;
    }

    private static List<AdSpendRow> results(AdAccount account, JsonNode results) {
        if (results.isMissingNode() || results.isNull()) {
            return List.of();
        }
        if (!results.isArray()) {
            throw Json.malformed(GOOGLE_ADS, "results is not an array");
        }
        List<AdSpendRow> rows = new ArrayList<>(results.size());
        for (JsonNode result : results) {
            rows.add(row(account, result));
        }
        return rows;
    }

    private static AdSpendRow row(AdAccount account, JsonNode result) {
        String currency = Json.text(result.path("customer").path("currencyCode"));
        if (currency == null) {
            currency = account.currency();
        }
        if (currency == null) {
            throw Json.malformed(GOOGLE_ADS, "result lacks customer.currencyCode");
        }
        JsonNode metrics = result.path("metrics");
        return new AdSpendRow(GOOGLE_ADS, account.externalId(),
                Json.requiredText(GOOGLE_ADS, result.path("campaign").path("id"), "campaign.id"),
                Json.text(result.path("campaign").path("name")),
                Json.date(GOOGLE_ADS, result.path("segments").path("date"), "segments.date"),
                currency,
                Json.micros(GOOGLE_ADS, metrics.path("costMicros"), "metrics.costMicros"),
                Json.count(GOOGLE_ADS, metrics.path("impressions"), "metrics.impressions"),
                Json.count(GOOGLE_ADS, metrics.path("clicks"), "metrics.clicks"),
                Json.decimal(GOOGLE_ADS, metrics.path("conversions"), "metrics.conversions"));
    }
}
