package com.funnelgate.gateway.bench;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.AdNetworkSandbox;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** What the benchmarks share: the blended report they ask for, request bodies, call counts, printing. */
final class Bench {

    /** The blended report of the ad networks' and the funnel's metrics; {@code %s} is the grouping. */
    static final String BLENDED_REPORT = """
            query Blended($from: Date!, $to: Date!) {
              report(range: {from: $from, to: $to}, granularity: DAY, groupBy: [%s]) {
                currency
                rows { period network campaignId
                       metrics { spend impressions clicks visitors views conversions revenue
                                 ctr cpc cpm conversionRate cpa costPerVisitor roas } }
                totals { spend impressions clicks visitors views conversions revenue ctr cpc cpm cpa roas }
                sources { source kind state errorCode }
              }
            }""";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Bench() {
    }

    /** A GraphQL request body for {@code query} over the range {@code from} to {@code to}. */
    static String body(String query, LocalDate from, LocalDate to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", Map.of("from", from.toString(), "to", to.toString()));
        return JSON.writeValueAsString(body);
    }

    /** Report-API requests each sandbox network has received so far. */
    static Map<AdNetwork, Long> networkCalls(AdNetworkSandbox sandbox) {
        Map<AdNetwork, Long> calls = new EnumMap<>(AdNetwork.class);
        for (AdNetwork network : List.of(AdNetwork.META, AdNetwork.GOOGLE_ADS, AdNetwork.ADROLL)) {
            calls.put(network, sandbox.requestCount(network));
        }
        return calls;
    }

    /** Appends one formatted line of figures. */
    static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Prints where a long run is, with the time. */
    static void progress(String format, Object... args) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
