package com.funnelgate.adconnectors;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One campaign's numbers for one day, normalised across networks.
 *
 * <p>{@code day} is the calendar day as the network reports it: the account's time zone for Meta
 * and Google Ads, UTC for AdRoll (see {@link AdSpendClient#dayZone(AdAccount)}). {@code spend} is in
 * {@code currency}, in major units, parsed exactly from the network's text (Google micros already
 * divided by 1,000,000). A metric the network did not report (missing, {@code null} or {@code "-"})
 * is {@code null}, never zero. {@code conversions} is the network's own conversion count where it
 * has one (Meta: the configured action types; Google Ads: {@code metrics.conversions}, which may be
 * fractional; AdRoll: {@code conversions}).
 *
 * @param network      the network that reported the row
 * @param accountId    the account's external id as used in the request
 * @param campaignId   the network's campaign id
 * @param campaignName the campaign name as reported, may be {@code null}
 * @param day          the reporting day
 * @param currency     ISO 4217 code of {@code spend}
 * @param spend        amount spent, or {@code null} when not reported
 * @param impressions  impressions, or {@code null} when not reported
 * @param clicks       clicks, or {@code null} when not reported
 * @param conversions  conversions, or {@code null} when not reported
 */
public record AdSpendRow(AdNetwork network, String accountId, String campaignId, String campaignName,
                         LocalDate day, String currency, BigDecimal spend, Long impressions,
                         Long clicks, BigDecimal conversions) {

    public AdSpendRow {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(currency, "currency");
    }
}
