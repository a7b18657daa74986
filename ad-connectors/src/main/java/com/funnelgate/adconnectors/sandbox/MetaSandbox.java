package com.funnelgate.adconnectors.sandbox;

import static com.funnelgate.adconnectors.AdNetwork.META;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.internal.Json;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Graph API side of the sandbox: {@code GET /vNN.0/act_<id>/insights} (sync, cursor paging with
 * {@code paging.next} pointing back at the sandbox), {@code POST} the same edge (async report run),
 * {@code GET /vNN.0/<run_id>} (status: "Job Running" for the configured number of polls, then
 * "Job Completed"), {@code GET /vNN.0/<run_id>/insights} (results), and {@code GET /vNN.0/act_<id>}
 * (currency and time zone). Every answer carries {@code X-App-Usage} and {@code X-Ad-Account-Usage}.
 */
final class MetaSandbox implements SandboxNetwork {

    private static final Pattern INSIGHTS = Pattern.compile("/v\\d+\\.\\d+/act_(\\d+)/insights");
    private static final Pattern ACCOUNT = Pattern.compile("/v\\d+\\.\\d+/act_(\\d+)");
    private static final Pattern RUN = Pattern.compile("/v\\d+\\.\\d+/(\\d+)");
    private static final Pattern RUN_PREFIX = Pattern.compile("/v\\d+\\.\\d+/(\\d+)");
    private static final Pattern RUN_INSIGHTS = Pattern.compile("/v\\d+\\.\\d+/(\\d+)/insights");
    private static final Pattern DATE = Pattern.compile("\"(since|until)\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");
    private static final String CONVERSION_ACTION = "offsite_conversion.fb_pixel_purchase";

    private record Run(String accountId, LocalDate since, LocalDate until, AtomicInteger polls) {
    }

    private final SandboxOptions options;
    private final Supplier<String> baseUrl;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong nextRunId = new AtomicLong(6_023_920_149_050L);
    private final AtomicLong calls = new AtomicLong();

    MetaSandbox(SandboxOptions options, Supplier<String> baseUrl) {
        this.options = options;
        this.baseUrl = baseUrl;
    }

    @Override
    public AdNetwork network() {
        return META;
    }

    @Override
    public boolean serves(SandboxRequest request) {
        return request.path().matches("/v\\d+\\.\\d+/.*");
    }

    @Override
    public String accountOf(SandboxRequest request) {
        Matcher account = ACCOUNT.matcher(request.path());
        if (account.lookingAt()) {
            return account.group(1);
        }
        Matcher run = RUN_PREFIX.matcher(request.path());
        Run known = run.lookingAt() ? runs.get(run.group(1)) : null;
        return known == null ? null : known.accountId();
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        if (request.param("access_token") == null) {
            return usage(error(400, 104, null, "An access token is required to request this resource."));
        }
        String path = request.path();
        Matcher m;
        if ((m = INSIGHTS.matcher(path)).matches()) {
            return usage(request.isPost() ? startRun(m.group(1), request) : insights(m.group(1), request));
        }
        if ((m = RUN_INSIGHTS.matcher(path)).matches()) {
            Run run = runs.get(m.group(1));
            return usage(run == null ? unknownObject(m.group(1)) : page(run.accountId(), run.since(), run.until(), request));
        }
        if ((m = ACCOUNT.matcher(path)).matches()) {
            return usage(accountInfo(m.group(1)));
        }
        if ((m = RUN.matcher(path)).matches()) {
            Run run = runs.get(m.group(1));
            return usage(run == null ? unknownObject(m.group(1)) : runStatus(m.group(1), run));
        }
        return usage(error(400, 2500, null, "Unknown path components: " + path));
    }

    @Override
    public SandboxResponse fault(SandboxFault fault, SandboxRequest request) {
        switch (fault) {
            case THROTTLE: {
                long minutes = Math.max(1, (options.throttleRetryAfter().getSeconds() + 59) / 60);
                String account = accountOf(request) == null ? "0" : accountOf(request);
                return error(400, 80000, 2446079L, "(#80000) There have been too many calls from this ad-account. "
                        + "Wait a bit and try again. For more info, please refer to "
                        + "https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-insights.")
                        .withHeader("X-Business-Use-Case-Usage", "{\"" + account + "\":[{\"type\":\"ads_insights\","
                                + "\"call_count\":100,\"total_cputime\":25,\"total_time\":25,"
                                + "\"estimated_time_to_regain_access\":" + minutes
                                + ",\"ads_api_access_tier\":\"standard_access\"}]}");
            }
            case CREDENTIALS_REJECTED:
                return error(400, 190, 463L, "Error validating access token: Session has expired on Tuesday, "
                        + "01-Jan-30 00:00:00 PST. The current time is Wednesday, 02-Jan-30 00:00:00 PST.");
            case SERVER_ERROR: {
                ObjectNode body = Json.object();
                body.putObject("error").put("message", "(#2) Service temporarily unavailable")
                        .put("type", "OAuthException").put("is_transient", true).put("code", 2)
                        .put("fbtrace_id", "AsandboxTrace");
                return SandboxResponse.json(503, body);
            }
            default:
                return SandboxResponse.json(200, "{\"data\":[{\"account_id\":\"1\",\"campaign_id\":\"23");
        }
    }

    private SandboxResponse insights(String accountId, SandboxRequest request) {
        String range = request.param("time_range");
        LocalDate since = date(range, "since");
        LocalDate until = date(range, "until");
        if (since == null || until == null || since.isAfter(until)) {
            return error(400, 100, null, "(#100) Param time_range must be a JSON object with since and until");
        }
        return page(accountId, since, until, request);
    }

    private SandboxResponse startRun(String accountId, SandboxRequest request) {
        String range = request.param("time_range");
        LocalDate since = date(range, "since");
        LocalDate until = date(range, "until");
        if (since == null || until == null || since.isAfter(until)) {
            return error(400, 100, null, "(#100) Param time_range must be a JSON object with since and until");
        }
        String id = Long.toString(nextRunId.getAndIncrement());
        runs.put(id, new Run(accountId, since, until, new AtomicInteger()));
        ObjectNode body = Json.object();
        body.put("report_run_id", Long.parseLong(id));
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse runStatus(String id, Run run) {
        boolean done = run.polls().incrementAndGet() > options.metaPollsUntilComplete();
        ObjectNode body = Json.object();
        body.put("id", id).put("account_id", run.accountId()).put("time_ref", 1_459_788_928L)
                .put("async_status", done ? "Job Completed" : "Job Running")
                .put("async_percent_completion", done ? 100 : 50)
                .put("date_start", run.since().toString()).put("date_stop", run.until().toString());
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse page(String accountId, LocalDate since, LocalDate until, SandboxRequest request) {
        int limit = parse(request.param("limit"), options.metaDefaultPageSize());
        int offset = cursor(request.param("after"));
        List<SandboxCampaign> campaigns = SandboxCatalog.campaigns(META, accountId);
        long total = (until.toEpochDay() - since.toEpochDay() + 1) * campaigns.size();
        String currency = SandboxCatalog.account(META, accountId).currency();
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        for (long i = offset; i < Math.min(total, (long) offset + limit); i++) {
            LocalDate day = since.plusDays(i / campaigns.size());
            SandboxCampaign campaign = campaigns.get((int) (i % campaigns.size()));
            data.add(row(accountId, currency, campaign, day));
        }
        ObjectNode paging = body.putObject("paging");
        paging.putObject("cursors").put("before", encode(offset)).put("after", encode(offset + data.size()));
        if (offset + data.size() < total) {
            paging.put("next", baseUrl.get() + request.path() + "?" + withoutAfter(request.rawQuery())
                    + "&after=" + encode(offset + data.size()));
        }
        return SandboxResponse.json(200, body);
    }

    private ObjectNode row(String accountId, String currency, SandboxCampaign campaign, LocalDate day) {
        SandboxMetrics m = SandboxCatalog.metrics(META, accountId, campaign.id(), day);
        ObjectNode row = Json.object();
        row.put("account_id", accountId).put("account_currency", currency)
                .put("campaign_id", campaign.id()).put("campaign_name", campaign.name())
                .put("spend", m.spend().toPlainString()).put("impressions", Long.toString(m.impressions()))
                .put("clicks", Long.toString(m.clicks()));
        if (m.clicks() > 0) {
            ArrayNode actions = row.putArray("actions");
            actions.addObject().put("action_type", "link_click").put("value", Long.toString(m.clicks()));
            if (m.conversions() > 0) {
                actions.addObject().put("action_type", CONVERSION_ACTION).put("value", Long.toString(m.conversions()));
            }
        }
        row.put("date_start", day.toString()).put("date_stop", day.toString());
        return row;
    }

    private SandboxResponse accountInfo(String accountId) {
        SandboxAccount account = SandboxCatalog.account(META, accountId);
        ObjectNode body = Json.object();
        body.put("id", "act_" + accountId).put("account_id", accountId).put("currency", account.currency())
                .put("timezone_name", account.timeZone().getId());
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse unknownObject(String id) {
        return error(400, 100, 33L, "Unsupported get request. Object with ID '" + id + "' does not exist, "
                + "cannot be loaded due to missing permissions, or does not support this operation.");
    }

    private SandboxResponse usage(SandboxResponse response) {
        long n = calls.incrementAndGet();
        return response.withHeader("X-App-Usage", "{\"call_count\":" + (n % 40) + ",\"total_time\":" + (n % 30)
                        + ",\"total_cputime\":" + (n % 20) + "}")
                .withHeader("X-Ad-Account-Usage", "{\"acc_id_util_pct\":" + (n % 50) / 2.0
                        + ",\"reset_time_duration\":0,\"ads_api_access_tier\":\"standard_access\"}");
    }

    static SandboxResponse error(int status, int code, Long subcode, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("message", message).put("type", "OAuthException").put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "AsandboxTrace");
        return SandboxResponse.json(status, body);
    }

    private static LocalDate date(String range, String key) {
        if (range == null) {
            return null;
        }
        Matcher m = DATE.matcher(range);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return LocalDate.parse(m.group(2));
            }
        }
        return null;
    }

    private static String withoutAfter(String rawQuery) {
        StringBuilder kept = new StringBuilder();
        for (String part : rawQuery.split("&")) {
            if (!part.isEmpty() && !part.startsWith("after=")) {
                kept.append(kept.length() == 0 ? "" : "&").append(part);
            }
        }
        return kept.toString();
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes());
    }

    private static int cursor(String after) {
        if (after == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after));
            return decoded.startsWith("o:") ? Math.max(0, Integer.parseInt(decoded.substring(2))) : 0;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(1, Math.min(5000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
