package com.funnelgate.gateway.support;

import com.funnelgate.adconnectors.AccountCredentials;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.SandboxAccount;
import com.funnelgate.adconnectors.sandbox.SandboxCampaign;
import com.funnelgate.adconnectors.sandbox.SandboxCatalog;
import com.funnelgate.gateway.adspend.AdAccounts;
import com.funnelgate.gateway.adspend.TenantAdAccount;
import com.funnelgate.gateway.funnel.FunnelEvent;
import com.funnelgate.gateway.funnel.FunnelEventType;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * A tenant with an account on each sandbox network and funnel events from those accounts'
 * campaigns: what blended-report tests start from.
 */
public final class BlendedFixture {

    private final TestTenant tenant;
    private final Map<AdNetwork, TenantAdAccount> accounts = new EnumMap<>(AdNetwork.class);

    private BlendedFixture(TestTenant tenant) {
        this.tenant = tenant;
    }

    /**
     * Creates the tenant's accounts (ids from {@code prefix}, in the given currencies) and, for every
     * day of the range, {@code viewsPerCampaignDay} views and one conversion per campaign.
     */
    public static BlendedFixture create(TestTenant tenant, AdAccounts adAccounts, FunnelEventWriter writer,
            String prefix, Map<AdNetwork, String> currencies, LocalDate from, LocalDate to) {
        BlendedFixture fixture = new BlendedFixture(tenant);
        String secret = UUID.randomUUID().toString();
        currencies.forEach((network, currency) -> {
            String id = SandboxAccounts.withCurrency(network, (network == AdNetwork.META ? "act_" : "") + prefix, currency);
            SandboxAccount profile = SandboxCatalog.account(network, id);
            AccountCredentials credentials = network == AdNetwork.META
                    ? AccountCredentials.ofAccessToken("token-" + secret)
                    : AccountCredentials.ofRefreshToken("refresh-" + network + "-" + secret);
            fixture.accounts.put(network, adAccounts.create(tenant.id(), network, id, "test " + network,
                    profile.currency(), profile.timeZone(), credentials).block());
        });
        List<FunnelEvent> events = new ArrayList<>();
        ZoneId zone = tenant.tenant().timeZone();
        TestTenant.Site site = tenant.sites().get(0);
        long visitor = 1;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (TenantAdAccount account : fixture.accounts.values()) {
                for (SandboxCampaign campaign : SandboxCatalog.campaigns(account.network(), account.externalId())) {
                    for (int v = 0; v < 2; v++) {
                        events.add(new FunnelEvent(tenant.id(), site.id(), site.ctaIds().get(0), visitor++,
                                FunnelEventType.VIEW, day.atTime(12, 0).atZone(zone).toInstant(), null, null, null,
                                account.network(), campaign.id(), null));
                    }
                    events.add(new FunnelEvent(tenant.id(), site.id(), site.ctaIds().get(0), visitor - 1,
                            FunnelEventType.CONVERT, day.atTime(12, 5).atZone(zone).toInstant(), null, null, null,
                            account.network(), campaign.id(), null));
                }
            }
        }
        writer.write(Flux.fromIterable(events)).block();
        return fixture;
    }

    public TestTenant tenant() {
        return tenant;
    }

    public TenantAdAccount account(AdNetwork network) {
        return accounts.get(network);
    }

    public List<TenantAdAccount> accounts() {
        return List.copyOf(accounts.values());
    }
}
