/**
 * Ad-network reporting connectors: one small reactive interface ({@link
 * com.funnelgate.adconnectors.AdSpendClient}) that reads daily campaign spend for an ad account,
 * normalised rows ({@link com.funnelgate.adconnectors.AdSpendRow}), the classified failures
 * ({@link com.funnelgate.adconnectors.AdNetworkException}) and the credentials SPI the gateway
 * implements ({@link com.funnelgate.adconnectors.CredentialStore}). One sub-package per network
 * holds its client and settings; {@code sandbox} holds a local server speaking all their wire
 * formats. Reactor, WebClient and Jackson only: no Spring Boot, no GraphQL.
 */
package com.funnelgate.adconnectors;
