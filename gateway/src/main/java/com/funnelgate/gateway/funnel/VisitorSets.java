package com.funnelgate.gateway.funnel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Sets of visitor ids as Roaring bitmaps in their portable 64-bit format: how rollup rows store
 * their distinct visitors, so that unique visitors over any rows is the size of the union of their
 * sets (exact, and far cheaper than a distinct count over raw events).
 */
final class VisitorSets {

    private VisitorSets() {
    }

    static byte[] serialize(Roaring64NavigableMap visitors) {
        visitors.runOptimize();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) visitors.serializedSizeInBytes());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            visitors.serializePortable(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Adds to {@code into} every set of a buffer holding serialized sets back to back (what
     * {@code string_agg(visitors, '')} returns); the format is self-delimiting.
     */
    static void orAll(Roaring64NavigableMap into, ByteBuffer concatenated) {
        byte[] bytes = new byte[concatenated.remaining()];
        concatenated.get(bytes);
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
        try (DataInputStream in = new DataInputStream(stream)) {
            while (stream.available() > 0) {
                Roaring64NavigableMap set = new Roaring64NavigableMap();
                set.deserializePortable(in);
                into.or(set);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt visitor set in a rollup row", e);
        }
    }
}
