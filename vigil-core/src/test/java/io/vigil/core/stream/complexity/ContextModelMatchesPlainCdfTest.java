package io.vigil.core.stream.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ContextModel, with its packed tables and the words it skips once they settle, against the specification written
 * plainly: one {@code int[257]} per context, every inner entry updated on every byte, least recently used contexts
 * found by a scan of touch stamps. After every payload the costs, every node's table and the recency order must be
 * identical, on streams chosen to drive entries onto their fixed points and then off them again.
 */
class ContextModelMatchesPlainCdfTest {

    /** Contexts, tables and recency of the model as the specification states them, with no packing or skipping. */
    private static final class PlainModel {
        private final int depth;
        private final int maxNodes;
        private final Map<List<Integer>, int[]> cdf = new HashMap<>();
        private final Map<List<Integer>, Long> stamp = new HashMap<>();
        private long clock;

        PlainModel(int depth, int maxNodes) {
            this.depth = depth;
            this.maxNodes = maxNodes;
            create(List.of());
        }

        long cost(byte[] data) {
            long total = 0;
            for (int i = 0; i < data.length; i++) {
                List<List<Integer>> path = existingPath(data, i);
                int[] c = cdf.get(path.get(path.size() - 1));
                int s = data[i] & 0xFF;
                total += 32 - Integer.numberOfLeadingZeros(c[s + 1] - c[s]);
            }
            return total;
        }

        void update(byte[] data) {
            for (int i = 0; i < data.length; i++) {
                List<List<Integer>> path = existingPath(data, i);
                touch(path);
                if (path.size() <= depth) {
                    while (path.size() <= depth) {
                        List<Integer> ctx = context(data, i, path.size());
                        create(ctx);
                        path.add(ctx);
                    }
                    touch(path);
                }
                int s = data[i] & 0xFF;
                for (List<Integer> ctx : path) {
                    int[] c = cdf.get(ctx);
                    for (int j = 1; j < 256; j++) {
                        int target = j <= s ? j : j + 7936;
                        c[j] += (target - c[j]) >> 5;
                    }
                }
            }
        }

        /** Contexts from the root down while they exist; context bytes are the previous depth bytes, oldest first. */
        private List<List<Integer>> existingPath(byte[] data, int i) {
            List<List<Integer>> path = new ArrayList<>();
            path.add(List.of());
            for (int k = 1; k <= depth; k++) {
                List<Integer> ctx = context(data, i, k);
                if (!cdf.containsKey(ctx)) {
                    break;
                }
                path.add(ctx);
            }
            return path;
        }

        private List<Integer> context(byte[] data, int i, int length) {
            List<Integer> ctx = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                int p = i - depth + k;
                ctx.add(p < 0 ? 0 : data[p] & 0xFF);
            }
            return ctx;
        }

        private void touch(List<List<Integer>> path) {
            for (int k = path.size() - 1; k >= 0; k--) {
                stamp.put(path.get(k), ++clock);
            }
        }

        private void create(List<Integer> ctx) {
            if (cdf.size() == maxNodes) {
                List<Integer> oldest = null;
                for (Map.Entry<List<Integer>, Long> e : stamp.entrySet()) {
                    if (oldest == null || e.getValue() < stamp.get(oldest)) {
                        oldest = e.getKey();
                    }
                }
                cdf.remove(oldest);
                stamp.remove(oldest);
            }
            int[] c = new int[257];
            for (int j = 0; j < 257; j++) {
                c[j] = 32 * j;
            }
            cdf.put(ctx, c);
            stamp.put(ctx, ++clock);
        }
    }

    /**
     * Feeds both models and compares them after every payload; every {@code snapshotEvery} payloads (0: never) the
     * model under test is replaced by the round trip of its own snapshot.
     */
    private static ContextModel run(int depth, int maxNodes, List<byte[]> payloads, int snapshotEvery) {
        ContextModel model = new ContextModel(depth, maxNodes);
        PlainModel plain = new PlainModel(depth, maxNodes);
        for (int n = 0; n < payloads.size(); n++) {
            byte[] p = payloads.get(n);
            assertThat(model.cost(p, p.length)).as("cost of payload %d", n).isEqualTo(plain.cost(p));
            model.update(p, p.length);
            plain.update(p);
            assertSameState(model, plain, n);
            if (snapshotEvery > 0 && n % snapshotEvery == snapshotEvery - 1) {
                byte[] bytes = model.toBytes();
                model = ContextModel.fromBytes(bytes);
                assertThat(model.toBytes()).isEqualTo(bytes);
            }
        }
        return model;
    }

    private static void assertSameState(ContextModel model, PlainModel plain, int payload) {
        assertThat(model.nodeCount()).as("nodes after payload %d", payload).isEqualTo(plain.cdf.size());
        for (int id = 0; id < model.nodeCount(); id++) {
            List<Integer> ctx = asList(model.contextOf(id));
            int[] expected = plain.cdf.get(ctx);
            assertThat(expected).as("context %s after payload %d", ctx, payload).isNotNull();
            int[] actual = model.table(id);
            // AssertJ only on a mismatch: this runs for every node after every payload.
            if (!Arrays.equals(actual, expected)) {
                assertThat(actual).as("table of context %s after payload %d", ctx, payload).containsExactly(expected);
            }
        }
        long previous = Long.MAX_VALUE;
        for (int id : model.recencyOrder()) {
            long s = plain.stamp.get(asList(model.contextOf(id)));
            assertThat(s).as("recency after payload %d", payload).isLessThan(previous);
            previous = s;
        }
    }

    private static List<Integer> asList(int[] ctx) {
        List<Integer> out = new ArrayList<>();
        for (int b : ctx) {
            out.add(b);
        }
        return out;
    }

    private static byte[] jsonLike(Random random) {
        String[] keys = {"id", "user", "path", "amount", "ok", "tags", "ts"};
        StringBuilder b = new StringBuilder("{");
        int fields = 1 + random.nextInt(5);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                b.append(',');
            }
            b.append('"').append(keys[random.nextInt(keys.length)]).append("\":");
            switch (random.nextInt(4)) {
                case 0 -> b.append(random.nextInt(100_000));
                case 1 -> b.append('"').append(Long.toHexString(random.nextLong())).append('"');
                case 2 -> b.append(random.nextBoolean());
                default -> b.append("[\"web\",").append(random.nextInt(10) / 10.0).append(']');
            }
        }
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int from, int to, int length) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (from + random.nextInt(to - from));
        }
        return p;
    }

    private static byte[] repeat(int value, int length) {
        byte[] p = new byte[length];
        Arrays.fill(p, (byte) value);
        return p;
    }

    @Test
    void asciiJsonPayloads() {
        Random random = new Random(1);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            payloads.add(jsonLike(random));
        }
        for (int depth = 0; depth <= 3; depth++) {
            run(depth, 100_000, payloads, 0);
        }
    }

    @Test
    void fullRangeRandomBytes() {
        Random random = new Random(2);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            payloads.add(randomBytes(random, 0, 256, 1 + random.nextInt(120)));
        }
        run(0, 10, payloads, 0);
        run(1, 1000, payloads, 0);
        run(2, 100_000, payloads, 0);
    }

    /** Runs long enough to settle every entry, on bytes at the edges of words and of the table. */
    @Test
    void longRunsOfOneByte() {
        List<byte[]> payloads = new ArrayList<>();
        for (int b : new int[] {'a', 0, 255, 3, 4, 251, 252, 127, 128, 'a', 0}) {
            payloads.add(repeat(b, 500));
            payloads.add(repeat(b, 40));
        }
        for (int depth = 0; depth <= 2; depth++) {
            run(depth, 1000, payloads, 0);
        }
    }

    /** Settled tables must come unstuck when the stream moves below, above or across what they settled on. */
    @Test
    void streamsThatSwitchRangeAfterSettling() {
        Random random = new Random(3);
        List<byte[]> payloads = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            payloads.add(repeat('m', 600));
            payloads.add(randomBytes(random, 'a', 'f', 600));
            payloads.add(randomBytes(random, 'w', '{', 600));
            payloads.add(repeat(0xFF, 600));
            payloads.add(randomBytes(random, 0x80, 0x100, 300));
            payloads.add(repeat(0, 600));
            for (int i = 0; i < 20; i++) {
                payloads.add(jsonLike(random));
            }
            payloads.add(randomBytes(random, 0, 256, 300));
        }
        for (int depth = 0; depth <= 2; depth++) {
            run(depth, 100_000, payloads, 0);
        }
    }

    /** Evicted and recreated nodes and nodes read back from a snapshot derive their skipped words afresh. */
    @Test
    void evictionAndSnapshotRoundTrips() {
        Random random = new Random(4);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            payloads.add(switch (i % 5) {
                case 0 -> repeat(random.nextInt(256), 400);
                case 1 -> randomBytes(random, 0, 256, 50);
                default -> jsonLike(random);
            });
        }
        run(2, 24, payloads, 7);
        run(3, 60, payloads, 5);
        run(1, 100_000, payloads, 3);
    }

    /** The skipping is alive: a table settled on one byte updates only the word that holds it. */
    @Test
    void aSettledTableUpdatesOnlyTheWordOfItsByte() {
        ContextModel model = run(0, 2, List.of(repeat('a', 500)), 0);
        int word = 'a' / 4;
        assertThat(model.span(0)).isEqualTo(word | (word + 1) << 8);
    }
}
