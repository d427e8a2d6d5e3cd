package io.vigil.core.stream.complexity;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Order-{@code depth} context model of bytes: a tree of adaptive frequency tables (F. Giesen, "Models for adaptive
 * arithmetic coding", 2015) keyed by the previous {@code depth} bytes of the payload, oldest first, with the context
 * reset to zero bytes at the start of every payload.
 *
 * <p>Each table is a cumulative frequency table of 257 entries with total 8192 (13-bit fixed point), uniform at
 * creation ({@code cdf[i] = 32 i}). Coding a symbol s costs about {@code 14 - bitlen(cdf[s+1] - cdf[s])} bits; the
 * adaptation moves every entry 1/32 of the way toward the table that gives s all the mass the other 255 symbols do
 * not need ({@code target[j] = j} for j at most s, {@code j + 7936} above).
 *
 * <p>Each entry is stored as {@code u[j] = cdf[j] - j + 31}, in [31, 7967], a short. With e = cdf[j] - j the
 * targets become the constants 0 (j at most s) and 7936 (above), and the exact update
 * {@code e += (t - e) >> 5} equals {@code e - ceil(e / 32)} or {@code e + 248 - ceil(e / 32)}; with u = e + 31,
 * {@code ceil(e / 32) = u >> 5}, so both adaptation loops are {@code u -= u >> 5} (plus 248 above s): a shift
 * of the loaded short itself, constant operands, one array: candidates for 16-bit-lane auto-vectorisation.
 *
 * <p>Memory: at most {@code maxNodes} nodes. Tables live in one {@code short[]} slab (514 bytes a node), child links in an open-addressing table keyed by (parent, byte), and an intrusive
 * doubly linked list over node ids keeps them in least-recently-used order at O(1) per touch. Every update touches
 * the nodes on its path deepest first, so a parent is always more recent than any of its children, the least
 * recently used node is always a leaf, and evicting it never orphans a subtree. The root is never evicted.
 *
 * <p>Not thread safe; {@link PayloadComplexity} serialises access.
 */
final class ContextModel {
    static final int SYMBOLS = 256;
    static final int STRIDE = SYMBOLS + 1;
    static final int TOTAL = 8192;
    static final int RATE = 5;
    private static final int SPARE = TOTAL - SYMBOLS;
    /** u = cdf - j + BIAS, so that ceil(e / 32) is u >> 5. */
    private static final int BIAS = (1 << RATE) - 1;
    private static final int STEP_ABOVE = SPARE >> RATE;
    private static final int NONE = -1;

    private final int depth;
    private final int maxNodes;
    private int capacity;
    private int nodes;
    private short[] table;
    private int[] parent;
    private int[] symbol;
    private int[] prev;
    private int[] next;
    private int head = NONE;
    private int tail = NONE;
    private final ChildIndex children;
    private final int[] path;

    ContextModel(int depth, int maxNodes) {
        this.depth = depth;
        this.maxNodes = maxNodes;
        this.capacity = Math.min(maxNodes, 1024);
        this.table = new short[capacity * STRIDE];
        this.parent = new int[capacity];
        this.symbol = new int[capacity];
        this.prev = new int[capacity];
        this.next = new int[capacity];
        this.children = new ChildIndex(capacity);
        this.path = new int[depth + 1];
        int root = allocate();
        initialise(root, NONE, 0);
        linkAtHead(root);
    }

    int depth() {
        return depth;
    }

    int maxNodes() {
        return maxNodes;
    }

    int nodeCount() {
        return nodes;
    }

    /** Sum over the bytes of {@code bits(cdf[s+1] - cdf[s])} under each byte's deepest existing context. */
    long cost(byte[] data, int length) {
        long total = 0;
        short[] u = table;
        for (int i = 0; i < length; i++) {
            int node = 0;
            for (int k = 0; k < depth; k++) {
                int child = children.get(node, contextByte(data, i, k));
                if (child < 0) {
                    break;
                }
                node = child;
            }
            int s = data[i] & 0xFF;
            int base = node * STRIDE + s;
            int freq = u[base + 1] - u[base] + 1;
            total += 32 - Integer.numberOfLeadingZeros(freq);
        }
        return total;
    }

    /** Adapts every table on each byte's context path, creating missing nodes (and evicting the oldest leaves). */
    void update(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            int node = 0;
            path[0] = 0;
            int level = 0;
            while (level < depth) {
                int child = children.get(node, contextByte(data, i, level));
                if (child < 0) {
                    break;
                }
                node = child;
                path[++level] = node;
            }
            touchPath(level);
            if (level < depth) {
                while (level < depth) {
                    int created = create(path[level], contextByte(data, i, level));
                    path[++level] = created;
                }
                touchPath(depth);
            }
            int s = data[i] & 0xFF;
            for (int k = 0; k <= depth; k++) {
                adapt(path[k] * STRIDE, s);
            }
        }
    }

    /** cdf[j] += (target[j] - cdf[j]) >> 5 for j in 1..255, in the biased form of the class comment. */
    private void adapt(int base, int s) {
        short[] u = table;
        // Two loops with the target split at s, so each is a branch-free pass with constant operands.
        for (int j = base + 1, end = base + s; j <= end; j++) {
            short v = u[j];
            u[j] = (short) (v - (v >> RATE));
        }
        for (int j = base + s + 1, end = base + SYMBOLS; j < end; j++) {
            short v = u[j];
            u[j] = (short) (v - (v >> RATE) + STEP_ABOVE);
        }
    }

    /** The k-th context byte (oldest first) of position i: zero bytes before the payload starts. */
    private int contextByte(byte[] data, int i, int k) {
        int p = i - depth + k;
        return p < 0 ? 0 : data[p] & 0xFF;
    }

    /** Deepest first, so that each parent ends up more recent than its child. */
    private void touchPath(int deepest) {
        for (int k = deepest; k >= 0; k--) {
            int id = path[k];
            if (id != head) {
                unlink(id);
                linkAtHead(id);
            }
        }
    }

    private int create(int parentId, int sym) {
        int id;
        if (nodes < maxNodes) {
            id = allocate();
        } else {
            // The tail is the least recently used node; it is a leaf and never on the current path, whose nodes
            // were all just touched (maxNodes > depth guarantees another node exists).
            id = tail;
            unlink(id);
            children.remove(parent[id], symbol[id]);
        }
        initialise(id, parentId, sym);
        children.put(parentId, sym, id);
        linkAtHead(id);
        return id;
    }

    private int allocate() {
        if (nodes == capacity) {
            int grown = (int) Math.min(maxNodes, Math.max(capacity * 2L, 16));
            table = Arrays.copyOf(table, grown * STRIDE);
            parent = Arrays.copyOf(parent, grown);
            symbol = Arrays.copyOf(symbol, grown);
            prev = Arrays.copyOf(prev, grown);
            next = Arrays.copyOf(next, grown);
            capacity = grown;
        }
        return nodes++;
    }

    private void initialise(int id, int parentId, int sym) {
        int base = id * STRIDE;
        for (int j = 0; j < STRIDE; j++) {
            table[base + j] = (short) (j * (TOTAL / SYMBOLS - 1) + BIAS);
        }
        parent[id] = parentId;
        symbol[id] = sym;
    }

    private void unlink(int id) {
        int p = prev[id];
        int n = next[id];
        if (p != NONE) {
            next[p] = n;
        } else {
            head = n;
        }
        if (n != NONE) {
            prev[n] = p;
        } else {
            tail = p;
        }
    }

    private void linkAtHead(int id) {
        prev[id] = NONE;
        next[id] = head;
        if (head != NONE) {
            prev[head] = id;
        }
        head = id;
        if (tail == NONE) {
            tail = id;
        }
    }

    /** Nodes from most to least recently used (for tests and snapshots). */
    int[] recencyOrder() {
        int[] order = new int[nodes];
        int k = 0;
        for (int id = head; id != NONE; id = next[id]) {
            order[k++] = id;
        }
        return order;
    }

    /** The context bytes of a node, oldest first (for tests). */
    int[] contextOf(int id) {
        int len = 0;
        for (int p = id; parent[p] != NONE; p = parent[p]) {
            len++;
        }
        int[] ctx = new int[len];
        for (int p = id; parent[p] != NONE; p = parent[p]) {
            ctx[--len] = symbol[p];
        }
        return ctx;
    }

    /** The cumulative frequency table of a node (for tests). */
    int[] table(int id) {
        int[] cdf = new int[STRIDE];
        for (int j = 0; j < STRIDE; j++) {
            cdf[j] = table[id * STRIDE + j] + j - BIAS;
        }
        return cdf;
    }

    /**
     * Binary form, version 1: depth, maxNodes, node count, then per node its parent, symbol and the 255 inner
     * table entries as unsigned shorts (entries 0 and 256 are fixed), then the ids from most to least recent.
     */
    byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(12 + nodes * (8 + 2 * (SYMBOLS - 1)) + 4 * nodes);
        buf.putInt(depth).putInt(maxNodes).putInt(nodes);
        for (int id = 0; id < nodes; id++) {
            buf.putInt(parent[id]).putInt(symbol[id]);
            int base = id * STRIDE;
            for (int j = 1; j < SYMBOLS; j++) {
                buf.putShort((short) (table[base + j] + j - BIAS));
            }
        }
        for (int id : recencyOrder()) {
            buf.putInt(id);
        }
        return buf.array();
    }

    static ContextModel fromBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int depth = buf.getInt();
        int maxNodes = buf.getInt();
        int count = buf.getInt();
        if (depth < 0 || maxNodes <= depth || count < 1 || count > maxNodes
                || bytes.length != 12 + count * (8 + 2 * (SYMBOLS - 1)) + 4 * count) {
            throw new IllegalArgumentException("corrupt complexity model: depth " + depth + ", max_nodes " + maxNodes
                    + ", nodes " + count + ", " + bytes.length + " bytes");
        }
        ContextModel m = new ContextModel(depth, maxNodes);
        m.nodes = 0;
        m.head = NONE;
        m.tail = NONE;
        for (int id = 0; id < count; id++) {
            m.allocate();
            int p = buf.getInt();
            int sym = buf.getInt();
            m.initialise(id, p, sym);
            int base = id * STRIDE;
            for (int j = 1; j < SYMBOLS; j++) {
                int c = buf.getShort() & 0xFFFF;
                if (c < j || c > j + SPARE) {
                    throw new IllegalArgumentException("corrupt complexity model: node " + id + " entry " + j
                            + " is " + c);
                }
                m.table[base + j] = (short) (c - j + BIAS);
            }
        }
        for (int id = 1; id < count; id++) {
            if (m.parent[id] < 0 || m.parent[id] >= count || m.symbol[id] < 0 || m.symbol[id] >= SYMBOLS) {
                throw new IllegalArgumentException("corrupt complexity model: node " + id + " has a bad link");
            }
            m.children.put(m.parent[id], m.symbol[id], id);
        }
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = buf.getInt();
        }
        for (int k = count - 1; k >= 0; k--) {
            m.linkAtHead(order[k]);
        }
        return m;
    }
}
