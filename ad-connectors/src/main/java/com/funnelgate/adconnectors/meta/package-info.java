/**
 * Meta Marketing API Insights: {@link com.funnelgate.adconnectors.meta.MetaInsightsClient} (sync
 * reads with cursor paging, async report jobs for long ranges, Graph error classification, usage
 * headers) and its {@link com.funnelgate.adconnectors.meta.MetaSettings}.
 */
package com.funnelgate.adconnectors.meta;
