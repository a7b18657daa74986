/**
 * Google Ads API over REST: {@link com.funnelgate.adconnectors.googleads.GoogleAdsClient} (GAQL via
 * {@code search} with page tokens or {@code searchStream}, OAuth refresh, {@code google.rpc.Status}
 * error classification) and its {@link com.funnelgate.adconnectors.googleads.GoogleAdsSettings}.
 */
package com.funnelgate.adconnectors.googleads;
