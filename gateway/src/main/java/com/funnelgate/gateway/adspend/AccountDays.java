package com.funnelgate.gateway.adspend;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What an ad account's network is asked: the account's daily campaign rows for an inclusive span of
 * days, in the zone its network's days are in.
 *
 * @param dayZone the zone of the network's days ({@link AdSpendSource#dayZone})
 */
public record AccountDays(TenantAdAccount account, ZoneId dayZone, LocalDate from, LocalDate to) {

    /** The same account over other days. */
    public AccountDays between(LocalDate first, LocalDate last) {
        return new AccountDays(account, dayZone, first, last);
    }
}
