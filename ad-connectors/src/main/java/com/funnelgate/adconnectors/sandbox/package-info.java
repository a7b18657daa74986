/**
 * A local server speaking the Meta, Google Ads and AdRoll reporting wire formats, for the demo and
 * end-to-end tests: {@link com.funnelgate.adconnectors.sandbox.AdNetworkSandbox} (start, stop,
 * latency, faults, counters) and {@link com.funnelgate.adconnectors.sandbox.SandboxCatalog} (its
 * deterministic accounts, campaigns and metrics).
 */
package com.funnelgate.adconnectors.sandbox;
