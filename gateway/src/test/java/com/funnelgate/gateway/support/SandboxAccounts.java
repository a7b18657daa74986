package com.funnelgate.gateway.support;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.SandboxCatalog;

/** Finds sandbox account ids with a wanted currency (the sandbox derives it from the id). */
public final class SandboxAccounts {

    private SandboxAccounts() {
    }

    /** The first account id of the form {@code <prefix><n>} the sandbox keeps in {@code currency}. */
    public static String withCurrency(AdNetwork network, String prefix, String currency) {
        for (int n = 1; n < 10_000; n++) {
            String id = prefix + n;
            if (SandboxCatalog.account(network, id).currency().equals(currency)) {
                return id;
            }
        }
        throw new IllegalStateException("no sandbox account in " + currency);
    }
}
