package com.funnelgate.adconnectors.meta;

import static com.funnelgate.adconnectors.AdNetwork.META;

import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.adconnectors.internal.Json;
import com.funnelgate.adconnectors.internal.Pages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Maps one Insights page ({@code {"data":[...],"paging":{...}}}) to rows and its next-page URL.
 * A page without a {@code data} array, a row without campaign or date, a row spanning more than one
 * day, or a row whose currency is unknown make the body malformed. Conversions are the sum of the
 * {@code actions[]} values whose {@code action_type} is configured; none present means absent.
 */
final class MetaRows {

    private final List<String> conversionActionTypes;

    MetaRows(List<String> conversionActionTypes) {
        this.conversionActionTypes = conversionActionTypes;
    }

    Pages.Page<AdSpendRow> page(AdAccount account, JsonNode body) {
        JsonNode data = body.path("data");
        if (!data.isArray()) {
            throw Json.malformed(META, "Insights page lacks a data array");
        }
        List<AdSpendRow> rows = new ArrayList<>(data.size());
        for (JsonNode row : data) {
            rows.add(row(account, row));
        }
        return new Pages.Page<>(rows, Json.text(body.path("paging").path("next")));
    }

    private AdSpendRow row(AdAccount account, JsonNode row) {
        LocalDate day = Json.date(META, row.path("date_start"), "date_start");
        if (Json.text(row.path("date_stop")) != null && !day.equals(Json.date(META, row.path("date_stop"), "date_stop"))) {
            throw Json.malformed(META, "Insights row spans more than one day");
        }
        String currency = Json.text(row.path("account_currency"));
        if (currency == null) {
            currency = account.currency();
        }
        if (currency == null) {
            throw Json.malformed(META, "Insights row lacks account_currency");
        }
        return new AdSpendRow(META, account.externalId(),
                Json.requiredText(META, row.path("campaign_id"), "campaign_id"),
                Json.text(row.path("campaign_name")), day, currency,
                Json.decimal(META, row.path("spend"), "spend"),
                Json.count(META, row.path("impressions"), "impressions"),
                Json.count(META, row.path("clicks"), "clicks"),
                conversions(row.path("actions")));
    }

    private BigDecimal conversions(JsonNode actions) {
        BigDecimal total = null;
        for (JsonNode action : actions) {
            if (conversionActionTypes.contains(Json.text(action.path("action_type")))) {
                BigDecimal value = Json.decimal(META, action.path("value"), "actions.value");
                if (value != null) {
                    total = total == null ? value : total.add(value);
                }
            }
        }
        return total;
    }
}
