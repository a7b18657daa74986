package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AdSpendClient;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.resilience.Protection;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Daily campaign spend of one ad account, through its network's client, and the protections a call
 * to it runs under: the network's breaker, retry and time limiter ({@code ad-<NETWORK>}) and the
 * account's concurrency limit. The protections themselves are applied where sources are wired.
 */
@Component
public class AdSpendSource {

    private final AdSpendClients clients;

    AdSpendSource(AdSpendClients clients) {
        this.clients = clients;
    }

    /** Whether the gateway has a client for the account's network. */
    public boolean supports(TenantAdAccount account) {
        return clients.of(account.network()).isPresent();
    }

    /** The zone the account's days are in, as its network reports them (AdRoll: UTC). */
    public ZoneId dayZone(TenantAdAccount account) {
        Optional<AdSpendClient> client = clients.of(account.network());
        return client.flatMap(c -> c.dayZone(account.toAdAccount())).orElse(account.timeZone());
    }

    /** The account's rows for the days asked, all or an error. */
    public Mono<List<AdSpendRow>> fetch(AccountDays days) {
        TenantAdAccount account = days.account();
        AdSpendClient client = clients.of(account.network())
                .orElseThrow(() -> new IllegalArgumentException("No client for " + account.network()));
        return client.fetchDaily(account.toAdAccount(), days.from(), days.to()).collectList();
    }

    /** The breaker, retry and time limiter of the account's network, and the account's concurrency limit. */
    public static Protection protection(AccountDays days) {
        TenantAdAccount account = days.account();
        return new Protection("ad-" + account.network().name(), account.sourceName(),
                account.sourceName() + " for tenant " + account.tenantId());
    }
}
