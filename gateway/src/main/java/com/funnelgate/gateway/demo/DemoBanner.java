package com.funnelgate.gateway.demo;

import java.time.Duration;
import java.time.LocalDate;

/** What the demo prints once its data is in: where GraphiQL is, the demo keys, a working curl. */
final class DemoBanner {

    private DemoBanner() {
    }

    static String text(String port, long events, Duration took) {
        String base = "http://localhost:" + port;
        LocalDate to = LocalDate.now();
        LocalDate from = to.minusDays(29);
        // JSON inside single shell quotes: the GraphQL string literals are escaped for JSON only.
        String query = "{ report(range: {from: \\\"" + from + "\\\", to: \\\"" + to + "\\\"}, granularity: WEEK, "
                + "groupBy: [NETWORK]) { timeZone currency rows { period network metrics { visitors views "
                + "conversions revenue conversionRate } } totals { visitors conversions revenue } } }";
        return String.join("\n",
                "",
                "==================================================================================",
                " Funnelgate demo is ready" + (events > 0 ? " (" + events + " funnel events loaded in "
                        + took.toSeconds() + " s)" : ""),
                "",
                " GraphiQL:  " + base + "/graphiql",
                " GraphQL:   " + base + "/graphql",
                "",
                " Demo API keys (send as 'Authorization: Bearer <key>'):",
                "   fgk_demo_viewer   VIEWER of Acme Outdoor (America/New_York, USD)",
                "   fgk_demo_bi       BI of Acme Outdoor",
                "   fgk_demo_partner  PARTNER over all demo tenants",
                "   fgk_demo_admin    ADMIN",
                "",
                " Try:",
                "   curl -s " + base + "/graphql -H 'Authorization: Bearer fgk_demo_viewer' \\",
                "     -H 'Content-Type: application/json' \\",
                "     -d '{\"query\": \"" + query + "\"}'",
                "==================================================================================");
    }
}
