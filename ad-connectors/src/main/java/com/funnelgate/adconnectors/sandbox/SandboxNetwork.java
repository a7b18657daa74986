package com.funnelgate.adconnectors.sandbox;

import com.funnelgate.adconnectors.AdNetwork;

/** One network's side of the sandbox: its normal answers and its fault answers. */
interface SandboxNetwork {

    AdNetwork network();

    /** Whether this network serves {@code request} (token endpoints excluded). */
    boolean serves(SandboxRequest request);

    /** The account the request is about, or {@code null} when it cannot tell. */
    String accountOf(SandboxRequest request);

    /** The normal answer. */
    SandboxResponse handle(SandboxRequest request);

    /** The answer for {@code fault} (never {@code NONE} or {@code HANG}). */
    SandboxResponse fault(SandboxFault fault, SandboxRequest request);
}
