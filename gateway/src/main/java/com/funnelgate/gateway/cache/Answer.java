package com.funnelgate.gateway.cache;

import java.time.Instant;

/**
 * A source's answer through the cache.
 *
 * @param asOf when the data was fetched from the source (the oldest part, for answers in parts)
 * @param failure why the source was not used, for {@link Freshness#STALE} answers; otherwise null
 */
public record Answer<V>(V value, Freshness freshness, Instant asOf, Throwable failure) {
}
