/**
 * Helpers shared by the network clients: HTTP exchange with classification of transport failures,
 * JSON parsing with exact numbers, OAuth refresh and the access-token cache. Not part of the
 * module's API; the gateway should not use these types.
 */
package com.funnelgate.adconnectors.internal;
