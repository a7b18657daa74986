package com.funnelgate.gateway.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Visitor unions count exactly, across sets, single ids and the high and low halves of 64-bit ids,
 * and read and write the portable 64-bit Roaring format byte for byte as the Roaring library does.
 */
class VisitorUnionTests {

    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void countsTheDistinctVisitorsOfManySetsAndIds() {
        Set<Long> expected = new HashSet<>();
        VisitorUnion union = new VisitorUnion();
        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        for (int s = 0; s < 300; s++) {
            Roaring64NavigableMap set = new Roaring64NavigableMap();
            for (int i = random.nextInt(200); i > 0; i--) {
                long id = randomId();
                set.addLong(id);
                expected.add(id);
            }
            concatenated.writeBytes(portable(set));
        }
        for (int i = 0; i < 5_000; i++) {
            long id = randomId();
            union.add(id);
            expected.add(id);
        }
        union.addSerialized(ByteBuffer.wrap(concatenated.toByteArray()));

        assertThat(union.cardinality()).isEqualTo(expected.size());
    }

    @Test
    void writesWhatTheRoaringLibraryReadsAndReadsWhatItWrites() throws IOException {
        Roaring64NavigableMap reference = new Roaring64NavigableMap();
        VisitorUnion union = new VisitorUnion();
        for (int i = 0; i < 20_000; i++) {
            long id = i % 3 == 0 ? 1_000_000 + i : randomId();
            reference.addLong(id);
            union.add(id);
        }
        reference.runOptimize();
        assertThat(union.serialize()).isEqualTo(portable(reference));

        Roaring64NavigableMap read = new Roaring64NavigableMap();
        read.deserializePortable(new DataInputStream(new ByteArrayInputStream(union.serialize())));
        assertThat(read).isEqualTo(reference);

        VisitorUnion fromLibrary = new VisitorUnion();
        fromLibrary.addSerialized(ByteBuffer.wrap(portable(reference)));
        assertThat(fromLibrary.cardinality()).isEqualTo(reference.getLongCardinality());
    }

    @Test
    void addingAUnionLeavesItUnchanged() {
        VisitorUnion row = new VisitorUnion();
        row.add(1);
        row.add(2);
        VisitorUnion dense = new VisitorUnion();
        for (long id = 0; id < 20_000; id += 2) {
            dense.add(id);
        }
        VisitorUnion totals = new VisitorUnion();
        totals.addAll(row);
        totals.addAll(dense);
        for (long id = 1; id < 20_000; id += 2) {
            totals.add(id);
        }
        totals.add(1L << 40);

        assertThat(totals.cardinality()).isEqualTo(20_001);
        assertThat(row.cardinality()).isEqualTo(2);
        assertThat(dense.cardinality()).isEqualTo(10_000);
    }

    @Test
    void anEmptyUnionHasNoVisitorsAndSerializesAsAnEmptySet() {
        VisitorUnion empty = new VisitorUnion();
        assertThat(empty.cardinality()).isZero();
        assertThat(empty.serialize()).isEqualTo(portable(new Roaring64NavigableMap()));
    }

    @Test
    void rejectsACorruptSet() {
        VisitorUnion union = new VisitorUnion();
        assertThatThrownBy(() -> union.addSerialized(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0})))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("corrupt visitor set");
    }

    /** Mostly small ids (the usual case), some with high halves, including the largest unsigned ones. */
    private long randomId() {
        switch (random.nextInt(10)) {
            case 0:
                return random.nextLong();
            case 1:
                return ((long) random.nextInt(3) << 32) | random.nextInt(1 << 20);
            default:
                return 1 + random.nextInt(400_000);
        }
    }

    private static byte[] portable(Roaring64NavigableMap set) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            set.serializePortable(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
