package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetwork;
import java.time.ZoneId;

/**
 * One ad account of a tenant, as stored (without its credentials).
 *
 * @param currency the account's currency: spend arrives in it and is converted to the tenant's
 * @param timeZone the zone the account's days are in
 */
public record TenantAdAccount(long tenantId, long accountId, AdNetwork network, String externalId, String name,
        String currency, ZoneId timeZone) {

    /** The {@code SourceStatus.source} name: {@code "<network>:<external id>"}. */
    public String sourceName() {
        return network.name() + ":" + externalId;
    }

    /** The account as the connectors address it; its credentials key finds it again in the store. */
    public AdAccount toAdAccount() {
        return new AdAccount(network, externalId, currency, timeZone, credentialsKey(tenantId, accountId));
    }

    static String credentialsKey(long tenantId, long accountId) {
        return tenantId + ":" + accountId;
    }
}
