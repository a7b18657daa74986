package com.funnelgate.gateway.cache;

import java.time.Instant;

/**
 * A source's answer through the cache.
 *
 * @param asOf when the data was fetched from the source (the oldest part, for answers in parts)
 * @param freshUntil until when the cache entries the answer was built from are fresh (the earliest, for
 *     answers in parts): a copy of the answer (e.g. a whole GraphQL answer) is true only until then; null
 *     when the answer was not stored in a cache (fetched while the data changed, or with the cache off)
 * @param failure why the source was not used, for {@link Freshness#STALE} answers; otherwise null
 */
public record Answer<V>(V value, Freshness freshness, Instant asOf, Instant freshUntil, Throwable failure) {
}
