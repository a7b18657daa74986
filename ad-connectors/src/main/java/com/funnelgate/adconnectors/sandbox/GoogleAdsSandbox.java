package com.funnelgate.adconnectors.sandbox;

import static com.funnelgate.adconnectors.AdNetwork.GOOGLE_ADS;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Google Ads REST side of the sandbox: {@code POST /vNN/customers/<cid>/googleAds:search} (pages
 * of {@link SandboxOptions#googlePageSize()} rows, {@code nextPageToken} valid only with the identical
 * query, {@code pageSize} rejected as Google does) and {@code :searchStream} (an array of batches).
 * It reads the date range from the GAQL {@code segments.date BETWEEN '...' AND '...'} clause and
 * requires a Bearer token.
 */
final class GoogleAdsSandbox implements SandboxNetwork {

    private static final Pattern PATH = Pattern.compile("/v\\d+/customers/(\\d+)/googleAds:(search|searchStream)");
    private static final Pattern BETWEEN = Pattern.compile(
            "segments\\.date\\s+BETWEEN\\s+'(\\d{4}-\\d{2}-\\d{2})'\\s+AND\\s+'(\\d{4}-\\d{2}-\\d{2})'",
            Pattern.CASE_INSENSITIVE);
    private static final String FIELD_MASK = "customer.id,customer.currencyCode,customer.timeZone,campaign.id,"
            + "campaign.name,segments.date,metrics.costMicros,metrics.impressions,metrics.clicks,metrics.conversions";
    private static final String REQUEST_ID = "SandboxReq0000000000000";

    private final SandboxOptions options;

    GoogleAdsSandbox(SandboxOptions options) {
        this.options = options;
    }

    @Override
    public AdNetwork network() {
        return GOOGLE_ADS;
    }

    @Override
    public boolean serves(SandboxRequest request) {
        return request.path().matches("/v\\d+/customers/.*");
    }

    @Override
    public String accountOf(SandboxRequest request) {
        Matcher m = PATH.matcher(request.path());
        return m.matches() ? m.group(1) : null;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        Matcher path = PATH.matcher(request.path());
        if (!path.matches() || !request.isPost()) {
            return error(404, "NOT_FOUND", "requestError", "UNKNOWN", "Method not found.", null);
        }
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= 7) {
            return error(401, "UNAUTHENTICATED", "authenticationError", "OAUTH_TOKEN_INVALID",
                    "Authentication of the request failed.", null);
        }
        JsonNode body = Json.tryParse(request.body().getBytes(StandardCharsets.UTF_8));
        String query = body == null ? null : Json.text(body.path("query"));
        Matcher range = query == null ? null : BETWEEN.matcher(query);
        if (range == null || !range.find()) {
            return error(400, "INVALID_ARGUMENT", "queryError", "PROHIBITED_SEGMENT_WITH_NO_DATE_FILTER",
                    "The query needs a finite date range on segments.date.", null);
        }
        if (body.has("pageSize")) {
            return error(400, "INVALID_ARGUMENT", "requestError", "PAGE_SIZE_NOT_SUPPORTED",
                    "Page size is not supported.", null);
        }
        LocalDate from = LocalDate.parse(range.group(1));
        LocalDate to = LocalDate.parse(range.group(2));
        String customerId = path.group(1);
        if (path.group(2).equals("searchStream")) {
            return SandboxResponse.json(200, stream(customerId, from, to));
        }
        int offset = 0;
        String pageToken = Json.text(body.path("pageToken"));
        if (pageToken != null) {
            Integer decoded = decode(pageToken, query);
            if (decoded == null) {
                return error(400, "INVALID_ARGUMENT", "requestError", "INVALID_PAGE_TOKEN",
                        "Page token is invalid.", null);
            }
            offset = decoded;
        }
        return SandboxResponse.json(200, searchPage(customerId, from, to, offset, query));
    }

    @Override
    public SandboxResponse fault(SandboxFault fault, SandboxRequest request) {
        switch (fault) {
            case THROTTLE:
                return error(429, "RESOURCE_EXHAUSTED", "quotaError", "RESOURCE_TEMPORARILY_EXHAUSTED",
                        "Too many requests in a short amount of time.",
                        options.throttleRetryAfter().getSeconds() + "s");
            case CREDENTIALS_REJECTED:
                return error(401, "UNAUTHENTICATED", "authenticationError", "OAUTH_TOKEN_EXPIRED",
                        "Authentication of the request failed.", null);
            case SERVER_ERROR:
                return error(500, "INTERNAL", "internalError", "INTERNAL_ERROR", "An internal error has occurred.", null);
            default:
                return SandboxResponse.json(200, "{\"results\":[{\"customer\":{\"resourceName\":\"customers/12");
        }
    }

    private ObjectNode searchPage(String customerId, LocalDate from, LocalDate to, int offset, String query) {
        List<SandboxCampaign> campaigns = SandboxCatalog.campaigns(GOOGLE_ADS, customerId);
        long total = (to.toEpochDay() - from.toEpochDay() + 1) * campaigns.size();
        ObjectNode page = Json.object();
        ArrayNode results = page.putArray("results");
        long end = Math.min(total, (long) offset + options.googlePageSize());
        for (long i = offset; i < end; i++) {
            results.add(result(customerId, campaigns.get((int) (i % campaigns.size())), from.plusDays(i / campaigns.size())));
        }
        if (results.isEmpty()) {
            page.remove("results");
        }
        if (end < total) {
            page.put("nextPageToken", encode(end, query));
        }
        page.put("fieldMask", FIELD_MASK).put("queryResourceConsumption", "1120");
        return page;
    }

    private ArrayNode stream(String customerId, LocalDate from, LocalDate to) {
        List<SandboxCampaign> campaigns = SandboxCatalog.campaigns(GOOGLE_ADS, customerId);
        long total = (to.toEpochDay() - from.toEpochDay() + 1) * campaigns.size();
        ArrayNode batches = Json.MAPPER.createArrayNode();
        ObjectNode batch = null;
        for (long i = 0; i < total; i++) {
            if (i % options.googlePageSize() == 0) {
                batch = batches.addObject();
                batch.putArray("results");
                batch.put("fieldMask", FIELD_MASK).put("requestId", REQUEST_ID);
            }
            ((ArrayNode) batch.get("results")).add(
                    result(customerId, campaigns.get((int) (i % campaigns.size())), from.plusDays(i / campaigns.size())));
        }
        if (batches.isEmpty()) {
            batches.addObject().put("fieldMask", FIELD_MASK).put("requestId", REQUEST_ID);
        }
        ((ObjectNode) batches.get(batches.size() - 1)).put("queryResourceConsumption", "1120");
        return batches;
    }

    private static ObjectNode result(String customerId, SandboxCampaign campaign, LocalDate day) {
        SandboxAccount account = SandboxCatalog.account(GOOGLE_ADS, customerId);
        SandboxMetrics m = SandboxCatalog.metrics(GOOGLE_ADS, customerId, campaign.id(), day);
        ObjectNode result = Json.object();
        result.putObject("customer").put("resourceName", "customers/" + customerId).put("id", customerId)
                .put("currencyCode", account.currency()).put("timeZone", account.timeZone().getId());
        result.putObject("campaign").put("resourceName", "customers/" + customerId + "/campaigns/" + campaign.id())
                .put("status", "ENABLED").put("name", campaign.name()).put("id", campaign.id());
        result.putObject("metrics").put("clicks", Long.toString(m.clicks())).put("conversions", m.conversions())
                .put("costMicros", m.spend().movePointRight(6).toBigIntegerExact().toString())
                .put("impressions", Long.toString(m.impressions()));
        result.putObject("segments").put("date", day.toString());
        return result;
    }

    static SandboxResponse error(int http, String status, String category, String code, String message,
                                 String retryDelay) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", http).put("message", http == 429 ? "Resource has been exhausted (e.g. check quota)."
                : message).put("status", status);
        ObjectNode detail = error.putArray("details").addObject();
        detail.put("@type", "type.googleapis.com/google.ads.googleads.v23.errors.GoogleAdsFailure");
        ObjectNode failure = detail.putArray("errors").addObject();
        failure.putObject("errorCode").put(category, code);
        failure.put("message", message);
        if (retryDelay != null) {
            failure.putObject("details").putObject("quotaErrorDetails").put("rateScope", "ACCOUNT")
                    .put("rateName", "Sandbox short-term rate").put("retryDelay", retryDelay);
        }
        detail.put("requestId", REQUEST_ID);
        return SandboxResponse.json(http, body);
    }

    private static String encode(long offset, String query) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (offset + ":" + Integer.toHexString(query.hashCode())).getBytes(StandardCharsets.UTF_8));
    }

    private static Integer decode(String token, String query) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            return parts.length == 2 && parts[1].equals(Integer.toHexString(query.hashCode()))
                    ? Integer.valueOf(parts[0]) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
