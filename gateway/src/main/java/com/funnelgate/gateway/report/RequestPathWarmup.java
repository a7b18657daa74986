package com.funnelgate.gateway.report;

import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Role;
import com.funnelgate.gateway.tenancy.Tenant;
import com.funnelgate.gateway.tenancy.TenantDirectory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes the report path warm before the gateway takes traffic, so that the first report after start-up
 * keeps its deadline like every other: a cold JVM spends hundreds of milliseconds loading and compiling
 * what a report touches (parser, validation, execution, the funnel statement, assembling, errors, JSON),
 * and part of that falls after the sources' cut-off, where only the answer reserve is left.
 *
 * <p>It opens the connection pool's initial connections, composes a made-up blended report a number of
 * times ({@link ReportRehearsal}: fresh, stale and failed sources, spend in another currency), then runs,
 * through the same GraphQL handler and interceptors as {@code /graphql} and as an internal administrator,
 * reports of the lowest-numbered tenant that ask no ad network (an HOUR report with every field, whose ad
 * sources are skipped, and a DAY report by campaign of funnel metrics), next to one for a tenant that does
 * not exist (the error path), and encodes the answer as the HTTP handler would. It reads data and changes
 * none. As the health indicator {@code warmup}
 * (in the readiness group) it is out of service until that has run once; a warm-up that fails is logged
 * and counts as done, as readiness must not wait on it for ever. The demo runs it again once its data is
 * in.
 */
@Component("warmup")
public class RequestPathWarmup implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RequestPathWarmup.class);
    private static final Caller WARMUP = new Caller("warm-up", Role.ADMIN, Set.of());
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** Enough runs (of the rehearsal's 300 rows, of encoding an answer) for the JIT to compile their loops. */
    private static final int REHEARSALS = 20;
    private static final String METRICS = "spend impressions clicks visitors views engagements conversions "
            + "completions revenue ctr cpc cpm conversionRate completionRate cpa costPerVisitor roas";

    private final WebGraphQlHandler graphQl;
    private final ReportService reports;
    private final TenantDirectory tenants;
    private final ObjectProvider<ConnectionFactory> connections;
    private final ServerCodecConfigurer codecs;
    private final WarmupProperties properties;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicReference<Health> health = new AtomicReference<>(
            Health.outOfService().withDetail("warmup", "not run yet").build());

    RequestPathWarmup(ObjectProvider<WebGraphQlHandler> graphQl, ReportService reports, TenantDirectory tenants,
            ObjectProvider<ConnectionFactory> connections, ObjectProvider<ServerCodecConfigurer> codecs,
            WarmupProperties properties) {
        this.graphQl = graphQl.getIfAvailable();
        this.reports = reports;
        this.tenants = tenants;
        this.connections = connections;
        this.codecs = codecs.getIfAvailable();
        this.properties = properties;
        if (!properties.enabled() || this.graphQl == null) {
            health.set(Health.up().withDetail("warmup", this.graphQl == null ? "no GraphQL over HTTP here" : "disabled")
                    .build());
        }
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        run().subscribe();
    }

    /** Runs the warm-up (unless disabled); completes (never fails) once it is done, with what it ran. */
    public Mono<Health> run() {
        if (!properties.enabled() || graphQl == null) {
            return Mono.fromSupplier(health::get);
        }
        long started = System.nanoTime();
        long ticket = runs.incrementAndGet();
        return pool()
                // CPU work, kept off the event loops (the server already answers probes).
                .then(Mono.fromRunnable(() -> new ReportRehearsal().run(reports, REHEARSALS))
                        .subscribeOn(Schedulers.parallel()))
                .then(tenants.first().map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(tenant -> graphQl.handleRequest(request(tenant.orElse(null)))
                        .publishOn(Schedulers.parallel())
                        .doOnNext(response -> encode(response.toMap()))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                                new UsernamePasswordAuthenticationToken(WARMUP, null, Set.of())))
                        .map(response -> Health.up()
                                .withDetail("reports", tenant.map(t -> "of tenant " + t.id()).orElse("none (no tenant yet)"))
                                // One is expected: the report of the tenant that does not exist.
                                .withDetail("errors", response.getErrors().size())
                                .withDetail("tookMs", (System.nanoTime() - started) / 1_000_000)
                                .build()))
                .timeout(LIMIT)
                .onErrorResume(error -> {
                    log.warn("Warming up the report path failed; taking traffic anyway: {}", error.toString());
                    return Mono.just(Health.up().withDetail("warmup", "failed: " + error.getClass().getSimpleName())
                            .build());
                })
                .doOnNext(done -> {
                    // Runs may overlap (the demo's after its data is in): the one started last has the say.
                    if (ticket == runs.get()) {
                        health.set(done);
                    }
                    log.info("Report path warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
                });
    }

    @Override
    public Health health() {
        return health.get();
    }

    /** Writes the answer as the HTTP handler would, with the JSON encoder of the server's codecs, a few times. */
    @SuppressWarnings("unchecked")
    private void encode(Map<String, Object> answer) {
        ResolvableType type = ResolvableType.forInstance(answer);
        for (HttpMessageWriter<?> writer : codecs == null ? List.<HttpMessageWriter<?>>of() : codecs.getWriters()) {
            if (writer instanceof EncoderHttpMessageWriter<?> encoding
                    && encoding.getEncoder().canEncode(type, MediaType.APPLICATION_JSON)) {
                Encoder<Object> encoder = (Encoder<Object>) encoding.getEncoder();
                for (int i = 0; i < REHEARSALS; i++) {
                    DataBufferUtils.release(encoder.encodeValue(answer, DefaultDataBufferFactory.sharedInstance, type,
                            MediaType.APPLICATION_JSON, Map.of()));
                }
                return;
            }
        }
    }

    private Mono<Void> pool() {
        return connections.getIfAvailable() instanceof ConnectionPool pool ? pool.warmup().then() : Mono.empty();
    }

    private static WebGraphQlRequest request(Tenant tenant) {
        String document = "{ unknown: report(range: {from: \"" + day(1) + "\", to: \"" + day(0)
                + "\"}, tenantId: \"0\") { tenantId timeZone } "
                + (tenant == null ? "" : reports(tenant.id())) + "}";
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, new HashMap<>(),
                new DefaultGraphQlRequest(document, null, Map.of(), Map.of()), "warmup", Locale.ROOT);
    }

    private static String reports(long tenantId) {
        String range = "range: {from: \"" + day(1) + "\", to: \"" + day(0) + "\"}, tenantId: \"" + tenantId + "\"";
        return "hourly: report(" + range + ", granularity: HOUR, groupBy: [CAMPAIGN]) { tenantId range { from to } "
                + "granularity timeZone currency rows { period periodStart network campaignId campaignName siteId ctaId "
                + "metrics { " + METRICS + " } } totals { " + METRICS + " } "
                + "sources { source kind state asOf latencyMs errorCode timeZone warnings } } "
                + "daily: report(" + range + ", granularity: DAY, groupBy: [CAMPAIGN]) { rows { period network "
                + "campaignId metrics { visitors views conversions revenue conversionRate } } totals { visitors } } ";
    }

    private static LocalDate day(int daysAgo) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo);
    }
}
