package com.funnelgate.adconnectors.internal;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;

/**
 * The last-resort classification by HTTP status alone, for error bodies a network classifier could
 * not read: 401 credentials rejected, 403 permission denied, 429 rate limited (no wait known),
 * 408 and 5xx transient, any other status invalid request.
 */
public final class Statuses {

    private Statuses() {
    }

    /** Classifies by status; {@code code} is the network code to carry, if any. */
    public static AdNetworkException classify(AdNetwork network, int status, String message, String code) {
        if (status == 401) {
            return new AdNetworkException.CredentialsRejected(network, message, code);
        }
        if (status == 403) {
            return new AdNetworkException.PermissionDenied(network, message, code);
        }
        if (status == 429) {
            return new AdNetworkException.RateLimited(network, message, code, null, null);
        }
        if (status == 408 || status >= 500) {
            return new AdNetworkException.Transient(network, AdNetworkException.Transient.Reason.SERVER_ERROR,
                    message, code);
        }
        return new AdNetworkException.InvalidRequest(network, message, code);
    }
}
