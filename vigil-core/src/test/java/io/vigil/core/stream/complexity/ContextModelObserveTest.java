package io.vigil.core.stream.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ContextModel#observe}, which reuses the paths its cost pass found, against {@link ContextModel#cost}
 * followed by {@link ContextModel#update} (which ContextModelMatchesPlainCdfTest checks against the specification):
 * the same cost and the same snapshot bytes (every node's link and table, and the recency order) after every
 * payload, including payloads that create nodes other bytes of the same payload then find, and payloads that evict.
 */
class ContextModelObserveTest {

    private static void compare(int depth, int maxNodes, List<byte[]> payloads, int snapshotEvery) {
        ContextModel fused = new ContextModel(depth, maxNodes);
        ContextModel separate = new ContextModel(depth, maxNodes);
        for (int n = 0; n < payloads.size(); n++) {
            byte[] p = payloads.get(n);
            long expected = separate.cost(p, p.length);
            separate.update(p, p.length);
            assertThat(fused.observe(p, p.length)).as("cost of payload %d", n).isEqualTo(expected);
            byte[] bytes = fused.toBytes();
            if (!Arrays.equals(bytes, separate.toBytes())) {
                assertThat(bytes).as("model after payload %d", n).isEqualTo(separate.toBytes());
            }
            if (snapshotEvery > 0 && n % snapshotEvery == snapshotEvery - 1) {
                fused = ContextModel.fromBytes(bytes);
            }
        }
    }

    private static List<byte[]> mixed(long seed, int count) {
        Random random = new Random(seed);
        String[] keys = {"id", "user", "path", "amount", "ok", "tags", "ts"};
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] p;
            switch (i % 4) {
                case 0 -> {
                    p = new byte[1 + random.nextInt(300)];
                    for (int j = 0; j < p.length; j++) {
                        p[j] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> {
                    p = new byte[1 + random.nextInt(200)];
                    Arrays.fill(p, (byte) random.nextInt(256));
                }
                default -> {
                    StringBuilder b = new StringBuilder("{");
                    for (int f = 0, fields = 1 + random.nextInt(6); f < fields; f++) {
                        b.append(f > 0 ? "," : "").append('"').append(keys[random.nextInt(keys.length)])
                                .append("\":").append(random.nextInt(100_000));
                    }
                    p = b.append('}').toString().getBytes(StandardCharsets.UTF_8);
                }
            }
            payloads.add(p);
        }
        return payloads;
    }

    @Test
    void sameAsCostThenUpdateWithRoomToGrow() {
        List<byte[]> payloads = mixed(5, 120);
        for (int depth = 0; depth <= 3; depth++) {
            compare(depth, 100_000, payloads, 0);
        }
    }

    /** Small caps evict within almost every payload, from the first eviction on and across snapshot restores. */
    @Test
    void sameAsCostThenUpdateWhileEvicting() {
        List<byte[]> payloads = mixed(6, 120);
        compare(1, 2, payloads, 0);
        compare(2, 3, payloads, 0);
        compare(2, 24, payloads, 7);
        compare(3, 60, payloads, 5);
        compare(2, 500, payloads, 11);
    }

    /** Past the memo's cap observe takes the two-walk path; both must agree with payloads on either side of it. */
    @Test
    void sameAsCostThenUpdateForPayloadsPastTheMemoCap() {
        Random random = new Random(7);
        List<byte[]> payloads = new ArrayList<>(mixed(8, 8));
        byte[] big = new byte[(1 << 20) / 4 + 1];
        for (int j = 0; j < big.length; j++) {
            big[j] = (byte) ('a' + random.nextInt(20));
        }
        payloads.add(big);
        payloads.addAll(mixed(9, 8));
        compare(2, 5000, payloads, 0);
    }

    @Test
    void snapshotWhoseRecencyOrderIsNotAPermutationIsRejected() {
        ContextModel model = new ContextModel(1, 100);
        byte[] p = "abcabc".getBytes(StandardCharsets.UTF_8);
        model.observe(p, p.length);
        byte[] bytes = model.toBytes();
        int count = model.nodeCount();
        // Repeat the first id of the order in the second place.
        System.arraycopy(bytes, bytes.length - 4 * count, bytes, bytes.length - 4 * count + 4, 4);
        assertThatThrownBy(() -> ContextModel.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recency order");
    }
}
