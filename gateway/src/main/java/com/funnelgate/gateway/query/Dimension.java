package com.funnelgate.gateway.query;

/** What report rows may be grouped by besides the period. */
public enum Dimension {
    NETWORK,
    /** Campaign ids are unique only within a network, so grouping by campaign groups by network too. */
    CAMPAIGN,
    SITE,
    CTA
}
