package com.funnelgate.adconnectors.adroll;

import static com.funnelgate.adconnectors.AdNetwork.ADROLL;

import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.adconnectors.internal.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The GraphQL document for one advertisable's daily campaign metrics, and the mapping of its answer.
 * AdRoll's {@code metrics(start, end)} range is UTC and end-exclusive, so an inclusive
 * {@code [from, to]} becomes {@code start: from, end: to + 1}. Amounts are requested in the
 * account's currency when known, otherwise in AdRoll's default, USD. A {@code has_errors: true} body
 * is a failure even with data in it; a {@code null} advertisable is an invalid request.
 */
final class AdRollQuery {

    private static final Pattern EID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final String DEFAULT_CURRENCY = "USD";

    private AdRollQuery() {
    }

    /** Whether {@code eid} can be embedded in a GraphQL string literal as is. */
    static boolean validEid(String eid) {
        return EID.matcher(eid).matches();
    }

    static String currency(AdAccount account) {
        String currency = account.currency();
        return currency != null && CURRENCY.matcher(currency).matches() ? currency : DEFAULT_CURRENCY;
    }

    static String document(String eid, LocalDate from, LocalDate to, String currency) {
        return "query CampaignDaily { advertisable { byEID(advertisable: \"" + eid + "\") { eid currency "
                + "campaigns { eid name metrics(start: \"" + from + "\", end: \"" + to.plusDays(1)
                + "\", currency: \"" + currency + "\") { byDate { date impressions clicks cost conversions } } } } } }";
    }

    static List<AdSpendRow> rows(AdAccount account, String currency, JsonNode body) {
        if (!body.isObject()) {
            throw Json.malformed(ADROLL, "response is not an object");
        }
        if (body.path("has_errors").asBoolean(false) || body.path("errors").size() > 0) {
            throw AdRollErrors.graphQl(body);
        }
        JsonNode advertisable = body.path("data").path("advertisable");
        if (!advertisable.isObject()) {
            throw Json.malformed(ADROLL, "response lacks data.advertisable");
        }
        JsonNode byEid = advertisable.path("byEID");
        if (!byEid.isObject()) {
            throw new AdNetworkException.InvalidRequest(ADROLL,
                    "advertisable " + account.externalId() + " not found", null);
        }
        JsonNode campaigns = byEid.path("campaigns");
        if (!campaigns.isArray()) {
            throw Json.malformed(ADROLL, "advertisable lacks a campaigns list");
        }
        List<AdSpendRow> rows = new ArrayList<>();
        for (JsonNode campaign : campaigns) {
            String id = Json.requiredText(ADROLL, campaign.path("eid"), "campaign eid");
            String name = Json.text(campaign.path("name"));
            for (JsonNode metric : campaign.path("metrics").path("byDate")) {
                rows.add(new AdSpendRow(ADROLL, account.externalId(), id, name,
                        Json.date(ADROLL, metric.path("date"), "byDate.date"), currency,
                        Json.decimal(ADROLL, metric.path("cost"), "cost"),
                        Json.count(ADROLL, metric.path("impressions"), "impressions"),
                        Json.count(ADROLL, metric.path("clicks"), "clicks"),
                        Json.decimal(ADROLL, metric.path("conversions"), "conversions")));
            }
        }
        return rows;
    }
}
