package com.funnelgate.adconnectors.sandbox;

import static com.funnelgate.adconnectors.AdNetwork.ADROLL;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AdRoll GraphQL Reporting side of the sandbox: {@code POST /reporting/api/v1/query?apikey=...}
 * with a document holding {@code byEID(advertisable: "...")} and
 * {@code metrics(start: "...", end: "...", currency: "...")} (end exclusive, UTC). It answers the
 * NextRoll envelope ({@code data}, {@code has_errors}, {@code request}, {@code version}), requires
 * the {@code apikey} parameter and an {@code Authorization} header, and converts amounts to the
 * requested currency (default USD) at the catalog's demo rates.
 */
final class AdRollSandbox implements SandboxNetwork {

    private static final Pattern EID = Pattern.compile("byEID\\s*\\(\\s*advertisable\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern START = Pattern.compile("start\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");
    private static final Pattern END = Pattern.compile("end\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");
    private static final Pattern CURRENCY = Pattern.compile("currency\\s*:\\s*\"([A-Z]{3})\"");
    static final String PATH = "/reporting/api/v1/query";

    private final AtomicLong requests = new AtomicLong(46_210);

    @Override
    public AdNetwork network() {
        return ADROLL;
    }

    @Override
    public boolean serves(SandboxRequest request) {
        return request.path().equals(PATH);
    }

    @Override
    public String accountOf(SandboxRequest request) {
        Matcher m = EID.matcher(query(request) == null ? "" : query(request));
        return m.find() ? m.group(1) : null;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        if (request.param("apikey") == null) {
            return errors(401, "Missing 'apikey' query parameter", null);
        }
        String auth = request.header("Authorization");
        if (auth == null || !(auth.startsWith("Bearer ") || auth.startsWith("Token ")) || auth.length() < 8) {
            return errors(401, "Authentication credentials were not provided.", null);
        }
        String document = query(request);
        String eid = accountOf(request);
        Matcher start = START.matcher(document == null ? "" : document);
        Matcher end = END.matcher(document == null ? "" : document);
        if (eid == null || !start.find() || !end.find()) {
            return errors(400, "invalid query: byEID and metrics(start, end) are required", 1L);
        }
        Matcher currencyArg = CURRENCY.matcher(document);
        String currency = currencyArg.find() ? currencyArg.group(1) : "USD";
        LocalDate from = LocalDate.parse(start.group(1));
        LocalDate endExclusive = LocalDate.parse(end.group(1));
        return SandboxResponse.json(200, envelope(eid, from, endExclusive, currency));
    }

    @Override
    public SandboxResponse fault(SandboxFault fault, SandboxRequest request) {
        switch (fault) {
            case THROTTLE:
                return errors(429, "Too Many Requests: daily request quota exceeded", null);
            case CREDENTIALS_REJECTED:
                return errors(401, "Invalid or expired access token", null);
            case SERVER_ERROR:
                return SandboxResponse.json(200, "{\"data\":{\"advertisable\":{\"has_errors\":true,\"errors\":[\"E001\"]},"
                        + "\"has_errors\":true},\"errors\":[{\"id\":\"E001\",\"msg\":\"HTTP request failed\"}],"
                        + "\"has_errors\":true,\"request\":\"req" + requests.incrementAndGet()
                        + "\",\"version\":\"2018.09.11-1\"}");
            default:
                return SandboxResponse.json(200, "{\"data\":{\"advertisable\":{\"byEID\":{\"eid\":\"");
        }
    }

    private ObjectNode envelope(String eid, LocalDate from, LocalDate endExclusive, String currency) {
        SandboxAccount account = SandboxCatalog.account(ADROLL, eid);
        ObjectNode body = Json.object();
        ObjectNode advertisable = body.putObject("data").putObject("advertisable").putObject("byEID");
        advertisable.put("eid", eid).put("name", "Sandbox advertisable " + eid).put("currency", account.currency());
        ArrayNode campaigns = advertisable.putArray("campaigns");
        for (SandboxCampaign campaign : SandboxCatalog.campaigns(ADROLL, eid)) {
            ObjectNode node = campaigns.addObject();
            node.put("eid", campaign.id()).put("name", campaign.name());
            ArrayNode byDate = node.putObject("metrics").putArray("byDate");
            for (LocalDate day = from; day.isBefore(endExclusive); day = day.plusDays(1)) {
                SandboxMetrics m = SandboxCatalog.metrics(ADROLL, eid, campaign.id(), day);
                byDate.addObject().put("date", day.toString()).put("impressions", m.impressions())
                        .put("clicks", m.clicks())
                        .put("cost", SandboxCatalog.convert(m.spend(), account.currency(), currency))
                        .put("conversions", m.conversions());
            }
        }
        body.put("has_errors", false).put("request", "req" + requests.incrementAndGet()).put("version", "2018.09.11-1");
        return body;
    }

    private static String query(SandboxRequest request) {
        JsonNode body = Json.tryParse(request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
        return body == null ? null : Json.text(body.path("query"));
    }

    static SandboxResponse errors(int status, String message, Long code) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        return SandboxResponse.json(status, body);
    }
}
