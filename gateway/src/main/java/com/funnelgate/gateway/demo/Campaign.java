package com.funnelgate.gateway.demo;

import com.funnelgate.adconnectors.AdNetwork;

/** An ad campaign demo visits can come from: the network and the network's campaign id. */
public record Campaign(AdNetwork network, String id) {
}
