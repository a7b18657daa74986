package com.funnelgate.gateway.cache;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * How values of one kind travel to Redis: JSON in an envelope that carries the format version,
 * the tenant and the entry's ages. An entry written in another format version (a deploy changed the
 * value's shape) or that cannot be read is a miss, never a wrong answer.
 */
public final class CacheCodec<V> {

    /** Bump when the shape of any cached value changes; keys carry it too. */
    public static final int VERSION = 1;

    private final JsonMapper json;
    private final JavaType envelope;

    public CacheCodec(JsonMapper json, JavaType valueType) {
        this.json = json;
        this.envelope = json.getTypeFactory().constructParametricType(Envelope.class, valueType);
    }

    byte[] encode(Cached<V> entry) {
        return json.writeValueAsBytes(new Envelope<>(VERSION, entry.tenantId(), entry.fetchedAt(), entry.freshUntil(),
                entry.staleUntil(), entry.value()));
    }

    /** The entry, or null when it is of another version or unreadable. */
    Cached<V> decode(byte[] bytes) {
        try {
            Envelope<V> read = json.readValue(bytes, envelope);
            if (read.v() != VERSION || read.value() == null) {
                return null;
            }
            return new Cached<>(read.value(), read.tenant(), read.fetchedAt(), read.freshUntil(), read.staleUntil());
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The stored form. */
    record Envelope<V>(int v, long tenant, Instant fetchedAt, Instant freshUntil, Instant staleUntil, V value) {
    }
}
