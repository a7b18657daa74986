package com.funnelgate.adconnectors.sandbox;

/**
 * A campaign of a sandbox account: the id the sandbox reports (and the demo's funnel events carry
 * as {@code ad_campaign_id}) and its name.
 */
public record SandboxCampaign(String id, String name) {
}
