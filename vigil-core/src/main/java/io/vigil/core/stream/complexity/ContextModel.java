package io.vigil.core.stream.complexity;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Order-{@code depth} context model of bytes: a tree of adaptive frequency tables ({@link FrequencyTables}) keyed by
 * the previous {@code depth} bytes of the payload, oldest first, with the context reset to zero bytes at the start of
 * every payload.
 *
 * <p>Each table is a cumulative frequency table of 257 entries with total 8192, uniform at creation. Coding a symbol
 * s costs about {@code 14 - bitlen(cdf[s+1] - cdf[s])} bits; learning it adapts the table of every node on its
 * context path, which is where the time goes: {@link FrequencyTables} holds the tables, packed four entries a word,
 * and skips the words whose entries have settled.
 *
 * <p>Memory: at most {@code maxNodes} nodes. Tables live in one {@code long[]} slab (544 bytes a node), child links
 * in an open-addressing table keyed by (parent, byte) with the root's children in a direct array, and
 * {@link Recency} keeps them in least-recently-used order (touch stamps, a linked list once eviction starts). Every
 * update touches the nodes on its path deepest first, so a parent is always more recent than any of its children,
 * the least recently used node is always a leaf, and evicting it never orphans a subtree. The root is never evicted.
 *
 * <p>{@link #observe} costs a payload and then learns it, as {@link #cost} followed by {@link #update}, but walks
 * the tree once per byte instead of twice: the cost pass records each byte's path of existing nodes and the update
 * pass reuses it. That is exact while nothing has been evicted since the cost pass: existing nodes keep their ids
 * and child links, so the recorded prefix is still the path, and only the levels below it (missing at cost time,
 * perhaps created since by an earlier byte of the payload) are looked up again. After an eviction in the payload
 * (a recorded id may have been reused) the remaining bytes look their whole path up. A single fused pass would not
 * be exact: every byte is costed under the tables as they were before the payload, and an earlier byte of the same
 * payload adapts, or creates, the nodes a later byte reads.
 *
 * <p>Not thread safe; {@link PayloadComplexity} serialises access.
 */
final class ContextModel {
    private static final int SYMBOLS = FrequencyTables.SYMBOLS;
    private static final int STRIDE = FrequencyTables.STRIDE;
    private static final int NONE = -1;
    /** Ints of recorded paths kept at most (4 MiB); longer payloads take cost() and update(), two walks a byte. */
    private static final int MEMO_LIMIT = 1 << 20;

    private final int depth;
    private final int maxNodes;
    private int capacity;
    private int nodes;
    private final FrequencyTables tables;
    /** Child of the root for each byte, or NONE: the hottest lookup, kept out of the hash table. */
    private final int[] rootChild = new int[SYMBOLS];
    private int[] parent;
    private int[] symbol;
    private final Recency recency;
    /** Evictions so far: a change between the passes of {@link #observe} invalidates the recorded paths. */
    private long evictions;
    private final ChildIndex children;
    private final int[] path;
    /** Per byte of the payload in {@link #observe}: the depth+1 path entries, then the number of levels found. */
    private int[] memo = new int[0];

    ContextModel(int depth, int maxNodes) {
        this.depth = depth;
        this.maxNodes = maxNodes;
        this.capacity = Math.min(maxNodes, 1024);
        this.tables = new FrequencyTables(capacity);
        Arrays.fill(rootChild, NONE);
        this.parent = new int[capacity];
        this.symbol = new int[capacity];
        this.recency = new Recency(capacity);
        this.children = new ChildIndex(capacity);
        this.path = new int[depth + 1];
        int root = allocate();
        initialise(root, NONE, 0);
        recency.touch(root);
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
            path[0] = 0;
            total += bits(path[find(data, i, 0)], data[i] & 0xFF);
        }
        return total;
    }

    /** {@code bits(cdf[s+1] - cdf[s])} of a node's table: what byte s costs under it. */
    private int bits(int node, int s) {
        int freq = tables.biased(node, s + 1) - tables.biased(node, s) + 1;
        return 32 - Integer.numberOfLeadingZeros(freq);
    }

    /** Adapts every table on each byte's context path, creating missing nodes (and evicting the oldest leaves). */
    void update(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            path[0] = 0;
            learn(data, i, find(data, i, 0));
        }
    }

    /** {@link #cost} and then {@link #update} of the same payload, with one tree walk a byte (class comment). */
    long observe(byte[] data, int length) {
        int width = depth + 2;
        if ((long) length * width > MEMO_LIMIT) {
            long total = cost(data, length);
            update(data, length);
            return total;
        }
        if (memo.length < length * width) {
            memo = new int[(int) Math.min(MEMO_LIMIT, Math.max(length * width, memo.length * 2L))];
        }
        int[] m = memo;
        long total = 0;
        for (int i = 0, at = 0; i < length; i++, at += width) {
            int node = 0;
            m[at] = 0;
            int level = 0;
            while (level < depth) {
                int child = child(node, contextByte(data, i, level));
                if (child < 0) {
                    break;
                }
                node = child;
                m[at + ++level] = node;
            }
            m[at + depth + 1] = level;
            total += bits(node, data[i] & 0xFF);
        }
        long evicted = evictions;
        for (int i = 0, at = 0; i < length; i++, at += width) {
            int level;
            if (evictions == evicted) {
                level = m[at + depth + 1];
                // A plain loop: System.arraycopy of a few ints costs a stub call and measured slower.
                for (int k = 0; k <= level; k++) {
                    path[k] = m[at + k];
                }
            } else {
                path[0] = 0;
                level = 0;
            }
            learn(data, i, find(data, i, level));
        }
        return total;
    }

    /** Extends path[0..level] down existing children; returns the deepest level found. */
    private int find(byte[] data, int i, int level) {
        int node = path[level];
        while (level < depth) {
            int child = child(node, contextByte(data, i, level));
            if (child < 0) {
                break;
            }
            node = child;
            path[++level] = node;
        }
        return level;
    }

    /** Touches path[0..level], creates the missing levels below it, and adapts every table on the path to byte i. */
    private void learn(byte[] data, int i, int level) {
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
            tables.adapt(path[k], s);
        }
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
            recency.touch(path[k]);
        }
    }

    private int create(int parentId, int sym) {
        int id;
        if (nodes < maxNodes) {
            id = allocate();
        } else {
            // The tail is the least recently used node; it is a leaf and never on the current path, whose nodes
            // were all just touched (maxNodes > depth guarantees another node exists).
            id = recency.evict(nodes);
            evictions++;
            if (parent[id] == 0) {
                rootChild[symbol[id]] = NONE;
            } else {
                children.remove(parent[id], symbol[id]);
            }
        }
        initialise(id, parentId, sym);
        link(parentId, sym, id);
        recency.touch(id);
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
            tables.grow(grown);
            parent = Arrays.copyOf(parent, grown);
            symbol = Arrays.copyOf(symbol, grown);
            recency.grow(grown);
            capacity = grown;
        }
        return nodes++;
    }

    private void initialise(int id, int parentId, int sym) {
        tables.reset(id);
        parent[id] = parentId;
        symbol[id] = sym;
    }

    /** Nodes from most to least recently used (for tests and snapshots). */
    int[] recencyOrder() {
        return recency.order(nodes);
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
            cdf[j] = tables.cdf(id, j);
        }
        return cdf;
    }

    /** The word range a node's adaptation may not skip, {@code low | high << 8} (for tests). */
    int span(int id) {
        return tables.span(id);
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
                buf.putShort((short) tables.cdf(id, j));
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
        int[] cdf = new int[STRIDE];
        cdf[SYMBOLS] = FrequencyTables.TOTAL;
        for (int id = 0; id < count; id++) {
            m.allocate();
            int p = buf.getInt();
            int sym = buf.getInt();
            m.parent[id] = p; // the table is loaded below: no reset to uniform first
            m.symbol[id] = sym;
            for (int j = 1; j < SYMBOLS; j++) {
                int c = buf.getShort() & 0xFFFF;
                if (c < j || c > j + FrequencyTables.SPARE) {
                    throw new IllegalArgumentException("corrupt complexity model: node " + id + " entry " + j
                            + " is " + c);
                }
                cdf[j] = c;
            }
            m.tables.load(id, cdf);
        }
        for (int id = 1; id < count; id++) {
            if (m.parent[id] < 0 || m.parent[id] >= count || m.symbol[id] < 0 || m.symbol[id] >= SYMBOLS) {
                throw new IllegalArgumentException("corrupt complexity model: node " + id + " has a bad link");
            }
            m.link(m.parent[id], m.symbol[id], id);
        }
        int[] order = new int[count];
        boolean[] seen = new boolean[count];
        for (int k = 0; k < count; k++) {
            int id = buf.getInt();
            if (id < 0 || id >= count || seen[id]) {
                throw new IllegalArgumentException("corrupt complexity model: recency order is not a permutation");
            }
            seen[id] = true;
            order[k] = id;
        }
        m.recency.load(order);
        return m;
    }
}
