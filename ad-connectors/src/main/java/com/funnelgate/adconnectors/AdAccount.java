package com.funnelgate.adconnectors;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One tenant's ad account on one network: what a client needs to address the network's reporting
 * API and to find the account's credentials.
 *
 * <p>{@code externalId} is the network's own id: Meta {@code "act_123"} (a bare {@code "123"} is
 * accepted too), Google Ads a 10-digit customer id (hyphens are ignored), AdRoll the advertisable
 * EID. {@code currency} and {@code timeZone} are what the gateway knows about the account and may be
 * {@code null}; clients prefer the currency the network reports in its rows and fall back to this
 * one. {@code credentialsKey} is an opaque handle the gateway's {@link CredentialStore} understands
 * (for example the id of its stored OAuth connection), or {@code null} when the external id alone
 * identifies the credentials. Accounts reached through one OAuth connection should share one
 * {@code credentialsKey}: clients cache access tokens per key and refresh once for all of them,
 * which AdRoll's rotating refresh tokens require (two refreshes with one token revoke it).
 *
 * @param network        the network the account lives on
 * @param externalId     the network's id of the account
 * @param currency       ISO 4217 code of the account currency, if known
 * @param timeZone       the account's reporting time zone, if known
 * @param credentialsKey the gateway's handle for this account's credentials, if any
 */
public record AdAccount(AdNetwork network, String externalId, String currency, ZoneId timeZone,
                        String credentialsKey) {

    public AdAccount {
        Objects.requireNonNull(network, "network");
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("externalId must not be blank");
        }
    }

    /** An account with only its network and external id known. */
    public static AdAccount of(AdNetwork network, String externalId) {
        return new AdAccount(network, externalId, null, null, null);
    }

    /**
     * The key clients cache access tokens under: the network and {@code credentialsKey} when set,
     * otherwise the network and external id.
     */
    public String tokenKey() {
        return credentialsKey != null ? network + ":credentials:" + credentialsKey : network + ":account:" + externalId;
    }
}
