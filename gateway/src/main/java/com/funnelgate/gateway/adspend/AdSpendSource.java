package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AdSpendClient;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.resilience.Deadline;
import com.funnelgate.gateway.resilience.SourceGuard;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Daily campaign spend of one ad account, through the network's client and the source's
 * protections (per-network breaker and retry, per-account concurrency limit, the deadline).
 */
@Component
public class AdSpendSource {

    private final AdSpendClients clients;
    private final SourceGuard guard;

    AdSpendSource(AdSpendClients clients, SourceGuard guard) {
        this.clients = clients;
        this.guard = guard;
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

    /** The account's rows for the days {@code from} to {@code to}, all or an error. */
    public Mono<List<AdSpendRow>> fetch(TenantAdAccount account, LocalDate from, LocalDate to, Deadline deadline) {
        AdSpendClient client = clients.of(account.network())
                .orElseThrow(() -> new IllegalArgumentException("No client for " + account.network()));
        Mono<List<AdSpendRow>> call = client.fetchDaily(account.toAdAccount(), from, to).collectList();
        return guard.protect(call, breakerName(account), account.sourceName(), deadline);
    }

    /** The breaker, retry and time limiter of a network: {@code ad-<NETWORK>}. */
    public static String breakerName(TenantAdAccount account) {
        return "ad-" + account.network().name();
    }
}
