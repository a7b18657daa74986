package com.funnelgate.gateway.funnel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * The distinct visitors of a report row, of a report's totals or of a rollup row being built: the
 * union of visitor sets (as rollup rows store them) and single visitor ids (from raw events), taken
 * in one pass when its size or its bytes are asked for. Not thread-safe.
 *
 * <p>Why not OR each set into a running result: small Roaring containers are sorted arrays, and
 * merging hundreds of small sets one after the other into a growing array copies it every time.
 * A report row unions one set per site, call-to-action and day, and the totals one per row, so that
 * was the largest cost of a report; a lazy union of all the sets at once touches each value once.
 *
 * <p>Ids are 64-bit, kept as 32-bit Roaring bitmaps of their low halves keyed by their high halves:
 * the layout of the portable 64-bit format the rollup tables store ({@code [count: int64]
 * ([high: uint32][32-bit portable bitmap])*}, little-endian, highs in unsigned order), so reading
 * a stored set copies its containers and nothing more.
 */
final class VisitorUnion {

    private final NavigableMap<Integer, Pending> byHigh = new TreeMap<>(Integer::compareUnsigned);

    /** Adds one visitor id. */
    void add(long visitorId) {
        pending((int) (visitorId >>> 32)).ids().add((int) visitorId);
    }

    /**
     * Adds every set of a buffer holding serialized sets back to back (what
     * {@code string_agg(visitors, '')} returns); the format is self-delimiting.
     */
    void addSerialized(ByteBuffer concatenated) {
        ByteBuffer in = concatenated.slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (in.hasRemaining()) {
                long highs = in.getLong();
                for (long i = 0; i < highs; i++) {
                    int high = in.getInt();
                    RoaringBitmap set = new RoaringBitmap();
                    set.deserialize(in);
                    in.position(in.position() + set.serializedSizeInBytes());
                    pending(high).sets.add(set);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("corrupt visitor set in a rollup row", e);
        }
    }

    /** Adds every visitor of another union (which must not change afterwards). */
    void addAll(VisitorUnion other) {
        other.byHigh.forEach((high, part) -> pending(high).sets.add(part.union()));
    }

    /** The number of distinct visitors. */
    long cardinality() {
        long cardinality = 0;
        for (Pending part : byHigh.values()) {
            cardinality += part.union().getLongCardinality();
        }
        return cardinality;
    }

    /** The set in the portable 64-bit Roaring format, run-length encoded where that is smaller. */
    byte[] serialize() {
        List<RoaringBitmap> unions = new ArrayList<>(byHigh.size());
        int size = Long.BYTES;
        for (Pending part : byHigh.values()) {
            RoaringBitmap union = part.union();
            union.runOptimize();
            unions.add(union);
            size += Integer.BYTES + union.serializedSizeInBytes();
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(unions.size());
        int i = 0;
        for (Map.Entry<Integer, Pending> entry : byHigh.entrySet()) {
            out.putInt(entry.getKey());
            unions.get(i++).serialize(out);
        }
        return out.array();
    }

    private Pending pending(int high) {
        return byHigh.computeIfAbsent(high, h -> new Pending());
    }

    /** The sets of one high half not yet unioned, and the single ids added since the last union. */
    private static final class Pending {
        private final List<RoaringBitmap> sets = new ArrayList<>();
        private RoaringBitmap ids;

        RoaringBitmap ids() {
            if (ids == null) {
                ids = new RoaringBitmap();
            }
            return ids;
        }

        /** The union of everything added so far; it replaces what it was made of. */
        RoaringBitmap union() {
            if (ids != null) {
                sets.add(ids);
                ids = null;
            }
            if (sets.size() != 1) {
                RoaringBitmap union = FastAggregation.naive_or(sets.iterator());
                sets.clear();
                sets.add(union);
            }
            return sets.get(0);
        }
    }
}
