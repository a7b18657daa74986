package com.funnelgate.gateway.demo;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.SandboxAccount;
import com.funnelgate.adconnectors.sandbox.SandboxCatalog;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.funnel.FunnelRollup;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.report.RequestPathWarmup;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import com.funnelgate.gateway.tenancy.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Fills an empty database with the demo data set once the gateway is up: the demo tenants with
 * their sites and calls-to-action, the demo API keys, an ad account per tenant on each sandbox
 * network, and months of generated funnel events whose campaign ids are those the sandbox reports. Rolls them
 * up, warms the report path on them ({@link RequestPathWarmup}), then prints where to go and what to send.
 * The readiness probe reports out of service until the data is in.
 */
@Component
@ConditionalOnBooleanProperty("funnelgate.demo.enabled")
class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    /** Funnel events per visit, on average, with the generator's funnel rates. */
    private static final double EVENTS_PER_VISIT = 1.5;

    private final DemoProperties properties;
    private final Provisioning provisioning;
    private final ApiKeys keys;
    private final FunnelEventWriter writer;
    private final FunnelRollup rollup;
    private final DatabaseClient db;
    private final AdAccounts adAccounts;
    private final RequestPathWarmup warmup;
    private final Sinks.One<Long> loaded = Sinks.one();

    DemoLoader(DemoProperties properties, Provisioning provisioning, ApiKeys keys, FunnelEventWriter writer,
            FunnelRollup rollup, DatabaseClient db, AdAccounts adAccounts, RequestPathWarmup warmup) {
        this.properties = properties;
        this.provisioning = provisioning;
        this.keys = keys;
        this.writer = writer;
        this.rollup = rollup;
        this.db = db;
        this.adAccounts = adAccounts;
        this.warmup = warmup;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        Instant started = Instant.now();
        db.sql("select count(*) from tenants").map(row -> row.get(0, Long.class)).one()
                .flatMap(existing -> existing > 0 ? Mono.just(0L) : load())
                // Warm the report path on the demo's data before the readiness probe says so.
                .flatMap(events -> warmup.run().thenReturn(events))
                .subscribe(events -> {
                    loaded.tryEmitValue(events);
                    log.info(DemoBanner.text(port, events, Duration.between(started, Instant.now())));
                }, error -> {
                    loaded.tryEmitError(error);
                    log.error("Loading the demo data failed", error);
                });
    }

    /** Completes with the number of events loaded once the demo data is in (0 if it already was). */
    Mono<Long> loaded() {
        return loaded.asMono();
    }

    /** Whether the demo data is in. */
    boolean isLoaded() {
        return Boolean.TRUE.equals(loaded.scan(Scannable.Attr.TERMINATED));
    }

    /** Creates and loads the whole data set; completes with the number of events written. */
    Mono<Long> load() {
        return Flux.fromIterable(DemoTenant.ALL).concatMap(this::provision).collectList()
                .flatMap(tenants -> createKeys(tenants).then(connectAdAccounts(tenants)).thenReturn(tenants))
                .flatMapMany(Flux::fromIterable)
                .concatMap(tenant -> writer.write(TrafficGenerator.events(plan(tenant), properties.seed())))
                .reduce(0L, Long::sum)
                .flatMap(events -> db.sql("analyze").then()
                        .then(rollup.runOnce())
                        .doOnNext(run -> log.info("Demo data: {} events, rolled up into {} rows", events, run.rowsWritten()))
                        .thenReturn(events));
    }

    private Mono<DemoTenantIds> provision(DemoTenant spec) {
        return provisioning.createTenant(spec.name(), spec.zone(), spec.currency())
                .flatMap(tenant -> Flux.fromIterable(new TreeMap<>(spec.sites()).entrySet())
                        .concatMap(site -> provisioning.createSite(tenant.id(), site.getKey(), site.getKey())
                                .flatMap(siteId -> Flux.fromIterable(site.getValue())
                                        .concatMap(cta -> provisioning.createCta(tenant.id(), siteId, cta, "form"))
                                        .collectList()
                                        .map(ctas -> Map.entry(siteId, ctas))))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                        .map(ctasBySite -> new DemoTenantIds(spec, tenant, ctasBySite)));
    }

    private Mono<Void> createKeys(List<DemoTenantIds> tenants) {
        long first = tenants.get(0).tenant().id();
        List<Long> all = tenants.stream().map(t -> t.tenant().id()).toList();
        return Flux.fromIterable(DemoKeys.ALL)
                .concatMap(key -> keys.create(key.keyId(), key.secret(), key.role(), "Demo " + key.keyId(),
                        key.role() == Role.ADMIN ? List.of() : key.allDemoTenants() ? all : List.of(first)))
                .then();
    }

    /** Each demo tenant's accounts on the sandbox networks, with sandbox credentials. */
    private Mono<Void> connectAdAccounts(List<DemoTenantIds> tenants) {
        return Flux.fromIterable(tenants)
                .concatMap(tenant -> Flux.fromIterable(new TreeMap<>(tenant.spec().accounts()).entrySet())
                        .concatMap(account -> {
                            AdNetwork network = account.getKey();
                            SandboxAccount profile = SandboxCatalog.account(network, account.getValue());
                            return adAccounts.create(tenant.tenant().id(), network, account.getValue(),
                                    tenant.spec().name() + " on " + network, profile.currency(), profile.timeZone(),
                                    sandboxCredentials(network, account.getValue()));
                        }))
                .then();
    }

    private static AccountCredentials sandboxCredentials(AdNetwork network, String account) {
        return network == AdNetwork.META
                ? AccountCredentials.ofAccessToken("sandbox-token-" + account)
                : AccountCredentials.ofRefreshToken("sandbox-refresh-" + account);
    }

    private TrafficPlan plan(DemoTenantIds tenant) {
        DemoTenant spec = tenant.spec();
        LocalDate today = LocalDate.now(spec.zone());
        List<Campaign> campaigns = new ArrayList<>();
        new TreeMap<>(spec.accounts()).forEach((network, account) -> SandboxCatalog.campaigns(network, account)
                .forEach(campaign -> campaigns.add(new Campaign(network, campaign.id()))));
        long visits = Math.round(properties.events() * spec.share() / EVENTS_PER_VISIT);
        return new TrafficPlan(tenant.tenant().id(), spec.zone(), today.minusDays(properties.days() - 1L), today,
                visits, tenant.ctasBySite(), campaigns, spec.averageOrder(), Instant.now());
    }

    /** A demo tenant as created: its spec, its row and its site and call-to-action ids. */
    private record DemoTenantIds(DemoTenant spec, Tenant tenant, Map<Long, List<Long>> ctasBySite) {
    }
}
