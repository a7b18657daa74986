package com.funnelgate.adconnectors.meta;

import static com.funnelgate.adconnectors.AdNetwork.META;

import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.AdSpendClient;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.adconnectors.CredentialStore;
import com.funnelgate.adconnectors.internal.Fetches;
import com.funnelgate.adconnectors.internal.HttpCaller;
import com.funnelgate.adconnectors.internal.HttpReply;
import com.funnelgate.adconnectors.internal.Json;
import com.funnelgate.adconnectors.internal.Pages;
import com.funnelgate.adconnectors.internal.Replies;
import com.funnelgate.adconnectors.internal.StoredCredentials;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * Meta Marketing API Insights client: daily campaign rows ({@code level=campaign},
 * {@code time_increment=1}) for an ad account.
 *
 * <p>Ranges up to {@link MetaSettings#asyncAboveDays()} days are read synchronously
 * ({@code GET /act_<id>/insights}); longer ones run as an async report job ({@code POST} the same
 * edge, poll {@code GET /<report_run_id>} with backoff, then read {@code GET /<report_run_id>/insights}).
 * Either way every page is followed through {@code paging.next}, used as the opaque absolute URL Meta
 * gives. The access token ({@link com.funnelgate.adconnectors.AccountCredentials#accessToken()})
 * travels as the {@code access_token} parameter; Meta has no refresh token, so a rejected token
 * (code 190) is {@link AdNetworkException.CredentialsRejected} at once. Errors are classified from
 * the Graph error body (see {@code MetaErrors}); the usage headers of every response are exposed
 * through {@link #lastUsage(AdAccount)} and {@link #usageUpdates()}.
 */
public final class MetaInsightsClient implements AdSpendClient, AutoCloseable {

    private static final Pattern ACCOUNT_ID = Pattern.compile("(act_)?\\d{1,20}");
    static final String FIELDS = "account_id,account_currency,campaign_id,campaign_name,spend,impressions,clicks,"
            + "actions,date_start,date_stop";

    private final MetaSettings settings;
    private final CredentialStore credentials;
    private final HttpCaller http;
    private final MetaRows rows;
    private final ReportRunPoller poller;
    private final Map<String, MetaUsage> lastUsage = new ConcurrentHashMap<>();
    private final Sinks.Many<MetaUsage> usageSink = Sinks.many().multicast().directBestEffort();

    /** A client with its own connection pool. */
    public MetaInsightsClient(MetaSettings settings, CredentialStore credentials) {
        this(settings, credentials, HttpCaller.create(META, settings.requestTimeout(), settings.maxConnections()));
    }

    /** A client over a caller-configured WebClient (connector, filters, observation). */
    public MetaInsightsClient(MetaSettings settings, CredentialStore credentials, WebClient.Builder webClient) {
        this(settings, credentials, HttpCaller.create(META, settings.requestTimeout(), webClient));
    }

    private MetaInsightsClient(MetaSettings settings, CredentialStore credentials, HttpCaller http) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = http;
        this.rows = new MetaRows(settings.conversionActionTypes());
        this.poller = new ReportRunPoller(settings.pollInitialDelay(), settings.pollMaxDelay(),
                settings.reportJobTimeout());
    }

    @Override
    public AdNetwork network() {
        return META;
    }

    @Override
    public Flux<AdSpendRow> fetchDaily(AdAccount account, LocalDate from, LocalDate to) {
        return Fetches.allOrNothing(META, account, from, to, () -> {
            if (!ACCOUNT_ID.matcher(account.externalId().trim()).matches()) {
                return Mono.error(new AdNetworkException.InvalidRequest(META,
                        "ad account id must be act_<digits>: " + account.externalId(), null));
            }
            return accessToken(account)
                    .flatMap(token -> ChronoUnit.DAYS.between(from, to) + 1 > settings.asyncAboveDays()
                            ? asyncReport(account, token, from, to)
                            : syncReport(account, token, from, to));
        });
    }

    /** What Meta's usage headers said on the latest response for {@code account}, if any. */
    public Optional<MetaUsage> lastUsage(AdAccount account) {
        return Optional.ofNullable(lastUsage.get(actId(account)));
    }

    /**
     * Every parsed usage observation, as it arrives (hot; slow subscribers miss values rather than
     * slow the client down).
     */
    public Flux<MetaUsage> usageUpdates() {
        return usageSink.asFlux();
    }

    @Override
    public void close() {
        http.close();
    }

    private Mono<String> accessToken(AdAccount account) {
        return StoredCredentials.load(META, credentials, account)
                .filter(c -> c.hasAccessToken())
                .map(c -> c.accessToken())
                .switchIfEmpty(Mono.error(() -> new AdNetworkException.CredentialsRejected(META,
                        "no access token stored for account " + account.externalId(), null)));
    }

    private Mono<List<AdSpendRow>> syncReport(AdAccount account, String token, LocalDate from, LocalDate to) {
        Map<String, String> params = reportParams(from, to);
        params.put("access_token", token);
        URI first = URI.create(api(actId(account) + "/insights") + "?" + query(params));
        return pages(account, first);
    }

    private Mono<List<AdSpendRow>> asyncReport(AdAccount account, String token, LocalDate from, LocalDate to) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        reportParams(from, to).forEach(form::add);
        form.add("access_token", token);
        return call(account, client -> client.post().uri(URI.create(api(actId(account) + "/insights")))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData(form)))
                .map(body -> Json.requiredText(META, body.path("report_run_id"), "report_run_id"))
                .flatMap(runId -> poller.awaitCompletion(() -> runStatus(account, token, runId))
                        .then(Mono.defer(() -> pages(account, URI.create(api(runId + "/insights") + "?"
                                + query(Map.of("limit", Integer.toString(settings.pageSize()), "access_token", token)))))));
    }

    private Mono<ReportRunPoller.RunStatus> runStatus(AdAccount account, String token, String runId) {
        URI uri = URI.create(api(runId) + "?" + query(Map.of("access_token", token)));
        return call(account, client -> client.get().uri(uri)).map(body -> {
            Long percent = Json.count(META, body.path("async_percent_completion"), "async_percent_completion");
            Long code = Json.count(META, body.path("error_code"), "error_code");
            Long subcode = Json.count(META, body.path("error_subcode"), "error_subcode");
            String message = Json.text(body.path("error_user_msg")) != null
                    ? Json.text(body.path("error_user_msg")) : Json.text(body.path("error_message"));
            return new ReportRunPoller.RunStatus(Json.requiredText(META, body.path("async_status"), "async_status"),
                    percent == null ? 0 : percent,
                    code == null ? null : subcode == null ? code.toString() : code + "/" + subcode, message);
        });
    }

    private Mono<List<AdSpendRow>> pages(AdAccount account, URI first) {
        return Pages.collect(META, settings.maxPages(), page(account, first),
                next -> page(account, nextUrl(next)));
    }

    private static URI nextUrl(String next) {
        try {
            URI uri = URI.create(next);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the malformed-response error below
        }
        throw Json.malformed(META, "paging.next is not an absolute http(s) URL");
    }

    private Mono<Pages.Page<AdSpendRow>> page(AdAccount account, URI uri) {
        return call(account, client -> client.get().uri(uri)).map(body -> rows.page(account, body));
    }

    private Mono<JsonNode> call(AdAccount account,
                                Function<WebClient, WebClient.RequestHeadersSpec<?>> request) {
        return http.send(request).map(reply -> {
            MetaUsage usage = recordUsage(account, reply);
            if (!reply.isSuccess()) {
                throw MetaErrors.classify(reply, usage);
            }
            if (!reply.isJson()) {
                throw Replies.unexpectedContentType(META, reply);
            }
            JsonNode body = Json.parse(META, reply.body());
            if (body.path("error").isObject()) {
                throw MetaErrors.classify(reply, usage);
            }
            return body;
        });
    }

    private MetaUsage recordUsage(AdAccount account, HttpReply reply) {
        MetaUsage usage = MetaUsageHeaders.parse(account.externalId(), reply.headers(), Instant.now());
        if (usage != null) {
            lastUsage.put(actId(account), usage);
            synchronized (usageSink) {
                usageSink.tryEmitNext(usage);
            }
        }
        return usage;
    }

    private Map<String, String> reportParams(LocalDate from, LocalDate to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("level", "campaign");
        params.put("fields", FIELDS);
        params.put("time_range", "{\"since\":\"" + from + "\",\"until\":\"" + to + "\"}");
        params.put("time_increment", "1");
        params.put("limit", Integer.toString(settings.pageSize()));
        return params;
    }

    private String api(String path) {
        String base = settings.baseUrl().toString();
        return (base.endsWith("/") ? base : base + "/") + settings.apiVersion() + "/" + path;
    }

    static String actId(AdAccount account) {
        String id = account.externalId().trim();
        return id.startsWith("act_") ? id : "act_" + id;
    }

    private static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
