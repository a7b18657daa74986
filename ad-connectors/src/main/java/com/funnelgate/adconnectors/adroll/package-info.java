/**
 * AdRoll (NextRoll) GraphQL Reporting API: {@link com.funnelgate.adconnectors.adroll.AdRollClient}
 * (UTC days, end-exclusive ranges, rotating OAuth refresh tokens, {@code has_errors} envelopes) and
 * its {@link com.funnelgate.adconnectors.adroll.AdRollSettings}.
 */
package com.funnelgate.adconnectors.adroll;
