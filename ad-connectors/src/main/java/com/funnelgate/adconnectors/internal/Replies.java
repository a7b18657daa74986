package com.funnelgate.adconnectors.internal;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;

/** Checks on successful replies shared by the clients. */
public final class Replies {

    private Replies() {
    }

    /** A transient for a 2xx reply whose body is not declared as JSON. */
    public static AdNetworkException.Transient unexpectedContentType(AdNetwork network, HttpReply reply) {
        return new AdNetworkException.Transient(network,
                AdNetworkException.Transient.Reason.UNEXPECTED_CONTENT_TYPE,
                "expected a JSON response, got " + (reply.contentType() == null ? "no content type"
                        : reply.contentType().getType() + "/" + reply.contentType().getSubtype()), null);
    }
}
