package io.vigil.core.stream.complexity;

import java.util.Arrays;

/**
 * Least-recently-used order of the context nodes, kept cheaply until it is needed for eviction.
 *
 * <p>The order is defined by touches: a touched node becomes the most recent. While the tree has room nothing is
 * evicted and the order is only read by snapshots and tests, so a touch just stamps the node with the next value
 * of a clock (one store instead of unlinking and relinking a list node, several dependent loads and stores); the
 * order is the nodes by descending stamp, and stamps are unique because the clock advances on every touch. The
 * first time a node must be evicted the nodes are sorted by stamp once into an intrusive doubly linked list, and
 * from then on (the tree stays full: nodes are only ever replaced) every touch moves its node to the head of that
 * list at O(1) and the tail is the least recently used node. Both representations give the same order as a list
 * maintained from the start.
 *
 * <p>Not thread safe.
 */
final class Recency {
    private static final int NONE = -1;

    /** Touch time of each node while {@link #listed} is false. */
    private long[] stamp;
    private long clock;
    /** Whether the linked list below holds the order (from the first eviction on). */
    private boolean listed;
    private int[] prev;
    private int[] next;
    private int head = NONE;
    private int tail = NONE;

    Recency(int capacity) {
        stamp = new long[capacity];
    }

    /** Only while stamped: the list starts at the first eviction, when the tree is full and never grows again. */
    void grow(int capacity) {
        stamp = Arrays.copyOf(stamp, capacity);
    }

    /** Makes a node the most recently used (also how a new node enters the order). */
    void touch(int id) {
        if (!listed) {
            stamp[id] = ++clock;
        } else if (id != head) {
            unlink(id);
            linkAtHead(id);
        }
    }

    /** Removes and returns the least recently used of nodes {@code 0..count-1}, all of which are in the order. */
    int evict(int count) {
        if (!listed) {
            int[] order = order(count);
            prev = new int[stamp.length];
            next = new int[stamp.length];
            for (int k = count - 1; k >= 0; k--) {
                linkAtHead(order[k]);
            }
            listed = true;
            stamp = null;
        }
        int id = tail;
        unlink(id);
        return id;
    }

    /** Nodes {@code 0..count-1} from most to least recently used. */
    int[] order(int count) {
        int[] order = new int[count];
        if (listed) {
            int k = 0;
            for (int id = head; id != NONE; id = next[id]) {
                order[k++] = id;
            }
            return order;
        }
        // Stamps are unique: sort a copy, then place each node at the rank of its stamp (no boxing, no comparator).
        long[] sorted = Arrays.copyOf(stamp, count);
        Arrays.sort(sorted);
        for (int id = 0; id < count; id++) {
            order[count - 1 - Arrays.binarySearch(sorted, stamp[id])] = id;
        }
        return order;
    }

    /** Sets the order of nodes {@code 0..count-1}, most recent first; the caller has checked it is a permutation. */
    void load(int[] order) {
        int count = order.length;
        for (int k = 0; k < count; k++) {
            stamp[order[k]] = count - k;
        }
        clock = count;
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
}
