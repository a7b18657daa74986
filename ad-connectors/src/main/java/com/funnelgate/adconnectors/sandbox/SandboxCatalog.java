package com.funnelgate.adconnectors.sandbox;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's data, computed from a hash so it is the same on every machine and every run: which
 * campaigns an account has (2 to 5), the account's currency and time zone, and each campaign-day's
 * metrics. The gateway's demo generator uses {@link #campaigns} to give funnel events the campaign
 * ids the sandbox reports. Any account id is valid; Meta ids are read without their {@code act_}
 * prefix and Google ids without hyphens, so {@code act_123} and {@code 123} are the same account.
 */
public final class SandboxCatalog {

    private static final String[] THEMES = {"Spring Sale", "Brand", "Summer Launch", "Retargeting",
        "Holiday Promo", "Evergreen", "New Arrivals", "Clearance", "Loyalty", "Back to School"};
    private static final String[] TACTICS = {"Prospecting", "Site Visitors", "Lookalike", "Exact", "Broad",
        "Cart Abandoners", "Video Views", "Awareness"};
    private static final SandboxAccount[] PROFILES = {
        new SandboxAccount("USD", ZoneId.of("America/New_York")),
        new SandboxAccount("EUR", ZoneId.of("Europe/Berlin")),
        new SandboxAccount("GBP", ZoneId.of("Europe/London")),
        new SandboxAccount("USD", ZoneId.of("America/Los_Angeles"))};
    private static final String EID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private SandboxCatalog() {
    }

    /** The account's currency and time zone. */
    public static SandboxAccount account(AdNetwork network, String accountId) {
        long h = hash(network + "|" + normalise(network, accountId) + "|profile");
        return PROFILES[(int) Long.remainderUnsigned(h, PROFILES.length)];
    }

    /** The account's campaigns, in a stable order. */
    public static List<SandboxCampaign> campaigns(AdNetwork network, String accountId) {
        String account = normalise(network, accountId);
        long h = hash(network + "|" + account + "|campaigns");
        int count = 2 + (int) Long.remainderUnsigned(h, 4);
        List<SandboxCampaign> campaigns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long c = hash(network + "|" + account + "|campaign|" + i);
            String name = THEMES[(int) Long.remainderUnsigned(c, THEMES.length)] + " - "
                    + TACTICS[(int) Long.remainderUnsigned(mix(c), TACTICS.length)];
            campaigns.add(new SandboxCampaign(campaignId(network, c, i), name));
        }
        return List.copyOf(campaigns);
    }

    /** One campaign-day's metrics. */
    public static SandboxMetrics metrics(AdNetwork network, String accountId, String campaignId, LocalDate day) {
        long h = hash(network + "|" + normalise(network, accountId) + "|" + campaignId + "|" + day);
        long impressions = 500 + Long.remainderUnsigned(h, 19_500);
        h = mix(h);
        long clicks = impressions * (5 + Long.remainderUnsigned(h, 46)) / 1000;
        h = mix(h);
        long conversions = clicks * Long.remainderUnsigned(h, 16) / 100;
        h = mix(h);
        long cpcCents = 20 + Long.remainderUnsigned(h, 281);
        return new SandboxMetrics(BigDecimal.valueOf(clicks * cpcCents, 2), impressions, clicks, conversions);
    }

    /**
     * The rows a client reading the sandbox should return for {@code [from, to]}, ordered by day then
     * campaign. Meta reports no conversions when there were none (its {@code actions} omit zeros),
     * so those are {@code null}; AdRoll amounts are in {@code currency} (see
     * {@link #convert(BigDecimal, String, String)}).
     */
    public static List<AdSpendRow> expectedRows(AdNetwork network, String accountId, LocalDate from, LocalDate to,
                                                String adRollCurrency) {
        SandboxAccount profile = account(network, accountId);
        String currency = network == AdNetwork.ADROLL ? adRollCurrency : profile.currency();
        List<AdSpendRow> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (SandboxCampaign campaign : campaigns(network, accountId)) {
                SandboxMetrics m = metrics(network, accountId, campaign.id(), day);
                BigDecimal conversions = network == AdNetwork.META && m.conversions() == 0
                        ? null : BigDecimal.valueOf(m.conversions());
                rows.add(new AdSpendRow(network, accountId, campaign.id(), campaign.name(), day, currency,
                        convert(m.spend(), profile.currency(), currency), m.impressions(), m.clicks(), conversions));
            }
        }
        return rows;
    }

    /**
     * Converts a sandbox amount between the sandbox's currencies at fixed demo rates (USD 1, EUR 1.10,
     * GBP 1.27 in USD), rounded to cents; AdRoll's {@code currency} argument uses it.
     */
    public static BigDecimal convert(BigDecimal amount, String fromCurrency, String toCurrency) {
        if (fromCurrency.equals(toCurrency)) {
            return amount;
        }
        return amount.multiply(usdRate(fromCurrency)).divide(usdRate(toCurrency), 2, java.math.RoundingMode.HALF_EVEN);
    }

    private static BigDecimal usdRate(String currency) {
        switch (currency) {
            case "EUR":
                return new BigDecimal("1.10");
            case "GBP":
                return new BigDecimal("1.27");
            default:
                return BigDecimal.ONE;
        }
    }

    static String normalise(AdNetwork network, String accountId) {
        String id = accountId.trim();
        if (network == AdNetwork.META && id.startsWith("act_")) {
            return id.substring(4);
        }
        return network == AdNetwork.GOOGLE_ADS ? id.replace("-", "") : id;
    }

    private static String campaignId(AdNetwork network, long h, int index) {
        switch (network) {
            case META:
                return "2385" + String.format("%011d", Long.remainderUnsigned(h, 100_000_000_000L)) + String.format("%02d", index);
            case ADROLL: {
                StringBuilder eid = new StringBuilder(22);
                long bits = h;
                for (int i = 0; i < 20; i++) {
                    eid.append(EID_CHARS.charAt((int) Long.remainderUnsigned(bits, EID_CHARS.length())));
                    bits = mix(bits);
                }
                return eid.append(String.format("%02d", index)).toString();
            }
            default:
                return Long.toString((1_000_000L + Long.remainderUnsigned(h, 9_000_000L)) * 10 + index);
        }
    }

    /** FNV-1a over UTF-8, then one SplitMix64 step to spread the bits. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
