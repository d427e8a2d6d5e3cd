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
 * in an open-addressing table keyed by (parent, byte) with the root's children in a direct array, and an intrusive
 * doubly linked list over node ids keeps them in least-recently-used order at O(1) per touch. Every update touches
 * the nodes on its path deepest first, so a parent is always more recent than any of its children, the least
 * recently used node is always a leaf, and evicting it never orphans a subtree. The root is never evicted.
 *
 * <p>Not thread safe; {@link PayloadComplexity} serialises access.
 */
final class ContextModel {
    private static final int SYMBOLS = FrequencyTables.SYMBOLS;
    private static final int STRIDE = FrequencyTables.STRIDE;
    private static final int NONE = -1;

    private final int depth;
    private final int maxNodes;
    private int capacity;
    private int nodes;
    private final FrequencyTables tables;
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
        this.tables = new FrequencyTables(capacity);
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
            int freq = tables.biased(node, s + 1) - tables.biased(node, s) + 1;
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
                tables.adapt(path[k], s);
            }
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
            tables.grow(grown);
            parent = Arrays.copyOf(parent, grown);
            symbol = Arrays.copyOf(symbol, grown);
            prev = Arrays.copyOf(prev, grown);
            next = Arrays.copyOf(next, grown);
            capacity = grown;
        }
        return nodes++;
    }

    private void initialise(int id, int parentId, int sym) {
        tables.reset(id);
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
        m.head = NONE;
        m.tail = NONE;
        int[] cdf = new int[STRIDE];
        cdf[SYMBOLS] = FrequencyTables.TOTAL;
        for (int id = 0; id < count; id++) {
            m.allocate();
            int p = buf.getInt();
            int sym = buf.getInt();
            m.initialise(id, p, sym);
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
        for (int k = 0; k < count; k++) {
            order[k] = buf.getInt();
        }
        for (int k = count - 1; k >= 0; k--) {
            m.linkAtHead(order[k]);
        }
        return m;
    }
}
