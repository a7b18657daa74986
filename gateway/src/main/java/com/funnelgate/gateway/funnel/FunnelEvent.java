package com.funnelgate.gateway.funnel;

import com.funnelgate.adconnectors.AdNetwork;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One raw funnel event as written to {@code funnel_events}.
 *
 * @param network the ad network the visit came from, or null (unattributed); see {@link Attribution}
 * @param campaignId the network's campaign id, or null
 * @param revenue revenue in the tenant's currency, or null
 */
public record FunnelEvent(long tenantId, long siteId, long ctaId, long visitorId, FunnelEventType type,
        Instant occurredAt, String utmSource, String utmMedium, String utmCampaign, AdNetwork network,
        String campaignId, BigDecimal revenue) {

    /** An event whose attribution is derived from its UTM parameters. */
    public static FunnelEvent fromUtm(long tenantId, long siteId, long ctaId, long visitorId, FunnelEventType type,
            Instant occurredAt, String utmSource, String utmMedium, String utmCampaign, BigDecimal revenue) {
        Attribution attribution = Attribution.of(utmSource, utmCampaign);
        return new FunnelEvent(tenantId, siteId, ctaId, visitorId, type, occurredAt, utmSource, utmMedium,
                utmCampaign, attribution.network(), attribution.campaignId(), revenue);
    }
}
