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
 * <p>Each entry is stored as {@code u[j] = cdf[j] - j + 31}, in [31, 7967]. With e = cdf[j] - j the targets become
 * the constants 0 (j at most s) and 7936 (above), and the exact update {@code e += (t - e) >> 5} equals
 * {@code e - ceil(e / 32)} or {@code e + 248 - ceil(e / 32)}; with u = e + 31, {@code ceil(e / 32) = u >> 5}, so
 * the update is {@code u -= u >> 5}, plus 248 above s. Entry 0 (always 31) and entry 256 (always 7967) are fixed
 * points of both forms, so a pass may cover them. Four 16-bit entries are packed in a {@code long} (entry j in lane
 * {@code j & 3} of word {@code j >> 2}) and updated together, SIMD within a register: {@code (w >>> 5) & 0x07FF..}
 * shifts every lane at once (the mask drops the bits shifted in from the next lane), and the subtraction and the
 * addition of 248 never carry across lanes because every lane stays within [31, 7967]. This is three times faster
 * than a loop over shorts, which C2 does not vectorise because of the right shift of a sub-word type.
 *
 * <p>Memory: at most {@code maxNodes} nodes. Tables live in one {@code long[]} slab ({@value #WORDS} words, 544 bytes a
 * node), child links in an open-addressing table keyed by (parent, byte) with the root's children in a direct array,
 * and an intrusive doubly linked list over node ids keeps them in least-recently-used order at O(1) per touch. Every
 * update touches the nodes on its path deepest first, so a parent is always more recent than any of its children,
 * the least recently used node is always a leaf, and evicting it never orphans a subtree. The root is never evicted.
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
    /** Words of a node's table: 257 lanes rounded up to a multiple of 4 words (32 bytes). */
    static final int WORDS = 68;
    private static final long LANE_MASK = 0xFFFFL;
    private static final long SHIFTED_MASK = 0x07FF_07FF_07FF_07FFL;
    private static final long ABOVE = STEP_ABOVE * 0x0001_0001_0001_0001L;
    /** Addend of the word holding entry s, by s & 3: 248 in the lanes above s. */
    private static final long[] BOUNDARY = new long[4];

    static {
        for (int k = 0; k < 4; k++) {
            long m = 0;
            for (int lane = k + 1; lane < 4; lane++) {
                m |= (long) STEP_ABOVE << (16 * lane);
            }
            BOUNDARY[k] = m;
        }
    }
    private static final int NONE = -1;

    private final int depth;
    private final int maxNodes;
    private int capacity;
    private int nodes;
    private long[] table;
    /** Child of the root for each byte, or NONE: the hottest lookup, kept out of the hash table. */
    private final int[] rootChild = new int[SYMBOLS];
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
        this.table = new long[capacity * WORDS];
        Arrays.fill(rootChild, NONE);
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
        for (int i = 0; i < length; i++) {
            int node = 0;
            for (int k = 0; k < depth; k++) {
                int child = child(node, contextByte(data, i, k));
                if (child < 0) {
                    break;
                }
                node = child;
            }
            int s = data[i] & 0xFF;
            int freq = entry(node, s + 1) - entry(node, s) + 1;
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
                int child = child(node, contextByte(data, i, level));
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
                adapt(path[k] * WORDS, s);
            }
        }
    }

    /** cdf[j] += (target[j] - cdf[j]) >> 5 for j in 1..255, in the biased packed form of the class comment. */
    private void adapt(int base, int s) {
        long[] t = table;
        // Two passes, each a fixed or simple loop that C2 vectorises: every lane decays, then the lanes above s
        // gain their share of the spare mass.
        for (int w = base, end = base + SYMBOLS / 4; w < end; w++) {
            long v = t[w];
            t[w] = v - ((v >>> RATE) & SHIFTED_MASK);
        }
        int boundary = base + (s >> 2);
        t[boundary] += BOUNDARY[s & 3];
        for (int w = boundary + 1, end = base + SYMBOLS / 4; w < end; w++) {
            t[w] += ABOVE;
        }
    }

    /** Biased entry u[j] of a node. */
    private int entry(int node, int j) {
        return (int) (table[node * WORDS + (j >> 2)] >>> ((j & 3) << 4) & LANE_MASK);
    }

    private void setEntry(int node, int j, int value) {
        int w = node * WORDS + (j >> 2);
        int shift = (j & 3) << 4;
        table[w] = table[w] & ~(LANE_MASK << shift) | (long) value << shift;
    }

    private int child(int node, int sym) {
        return node == 0 ? rootChild[sym] : children.get(node, sym);
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
            if (parent[id] == 0) {
                rootChild[symbol[id]] = NONE;
            } else {
                children.remove(parent[id], symbol[id]);
            }
        }
        initialise(id, parentId, sym);
        link(parentId, sym, id);
        linkAtHead(id);
        return id;
    }

    private void link(int parentId, int sym, int id) {
        if (parentId == 0) {
            rootChild[sym] = id;
        } else {
            children.put(parentId, sym, id);
        }
    }

    private int allocate() {
        if (nodes == capacity) {
            int grown = (int) Math.min(maxNodes, Math.max(capacity * 2L, 16));
            table = Arrays.copyOf(table, grown * WORDS);
            parent = Arrays.copyOf(parent, grown);
            symbol = Arrays.copyOf(symbol, grown);
            prev = Arrays.copyOf(prev, grown);
            next = Arrays.copyOf(next, grown);
            capacity = grown;
        }
        return nodes++;
    }

    private void initialise(int id, int parentId, int sym) {
        Arrays.fill(table, id * WORDS, (id + 1) * WORDS, 0L);
        for (int j = 0; j < STRIDE; j++) {
            setEntry(id, j, j * (TOTAL / SYMBOLS - 1) + BIAS);
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
            cdf[j] = entry(id, j) + j - BIAS;
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
            for (int j = 1; j < SYMBOLS; j++) {
                buf.putShort((short) (entry(id, j) + j - BIAS));
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
            for (int j = 1; j < SYMBOLS; j++) {
                int c = buf.getShort() & 0xFFFF;
                if (c < j || c > j + SPARE) {
                    throw new IllegalArgumentException("corrupt complexity model: node " + id + " entry " + j
                            + " is " + c);
                }
                m.setEntry(id, j, c - j + BIAS);
            }
        }
        for (int id = 1; id < count; id++) {
            if (m.parent[id] < 0 || m.parent[id] >= count || m.symbol[id] < 0 || m.symbol[id] >= SYMBOLS) {
                throw new IllegalArgumentException("corrupt complexity model: node " + id + " has a bad link");
            }
            m.link(m.parent[id], m.symbol[id], id);
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
