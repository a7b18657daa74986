package com.funnelgate.gateway.funnel;

import com.funnelgate.adconnectors.AdNetwork;
import java.util.Locale;
import java.util.Map;

/**
 * Which ad campaign a visit came from, normalised from its UTM parameters at write time: the
 * {@code utm_source} names the network (several spellings each), and {@code utm_campaign} carries
 * the network's campaign id (as ad templates such as {@code {{campaign.id}}} fill it in). An
 * unknown source, or none, is unattributed: null network and campaign.
 */
public record Attribution(AdNetwork network, String campaignId) {

    public static final Attribution UNATTRIBUTED = new Attribution(null, null);

    private static final Map<String, AdNetwork> SOURCES = Map.ofEntries(
            Map.entry("facebook", AdNetwork.META), Map.entry("fb", AdNetwork.META),
            Map.entry("instagram", AdNetwork.META), Map.entry("ig", AdNetwork.META), Map.entry("meta", AdNetwork.META),
            Map.entry("google", AdNetwork.GOOGLE_ADS), Map.entry("adwords", AdNetwork.GOOGLE_ADS),
            Map.entry("googleads", AdNetwork.GOOGLE_ADS), Map.entry("youtube", AdNetwork.GOOGLE_ADS),
            Map.entry("adroll", AdNetwork.ADROLL), Map.entry("nextroll", AdNetwork.ADROLL),
            Map.entry("bing", AdNetwork.MICROSOFT_ADS), Map.entry("microsoft", AdNetwork.MICROSOFT_ADS),
            Map.entry("tiktok", AdNetwork.TIKTOK), Map.entry("linkedin", AdNetwork.LINKEDIN));

    /** The attribution of a visit with these UTM parameters. */
    public static Attribution of(String utmSource, String utmCampaign) {
        if (utmSource == null) {
            return UNATTRIBUTED;
        }
        AdNetwork network = SOURCES.get(utmSource.trim().toLowerCase(Locale.ROOT));
        if (network == null) {
            return UNATTRIBUTED;
        }
        String campaign = utmCampaign == null || utmCampaign.isBlank() ? null : utmCampaign.trim();
        return new Attribution(network, campaign);
    }
}
