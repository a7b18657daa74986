package com.funnelgate.adconnectors.sandbox;

import java.time.ZoneId;

/**
 * What the sandbox says about an account: its currency (ISO 4217) and reporting time zone, both
 * derived deterministically from the network and account id.
 */
public record SandboxAccount(String currency, ZoneId timeZone) {
}
