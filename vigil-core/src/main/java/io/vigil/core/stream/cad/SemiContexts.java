package io.vigil.core.stream.cad;

import java.util.Arrays;

/**
 * The semi-contexts of one side of the context memory: distinct sorted fact sets, numbered in order of creation,
 * found by their {@link Facts#hash reference hash} and then compared fact by fact, with an inverted index from each
 * fact to the sets that hold it (in creation order), and the result of the last crossing: how many of each set's
 * facts were among the crossed facts, and which sets had any, in creation order.
 */
final class SemiContexts {
    private int size;
    /** Set {@code id}'s facts are {@code pool[start[id] .. start[id + 1])}. */
    private int[] start = new int[65];
    private int[] pool = new int[256];
    private long[] hashes = new long[64];
    /** Sensor facts of each set as bits (fact code {@code c} is bit {@code c}); neuron facts are left out. */
    private long[] sensorMasks = new long[64];
    /** Open-addressing table of {@code id + 1} by hash (0: empty), linear probing. */
    private int[] table = new int[128];
    private int[][] byFact = new int[0][];
    private int[] byFactSize = new int[0];
    private int[] crossed = new int[64];
    private int[] crossedIds = new int[64];
    private int crossedCount;

    int size() {
        return size;
    }

    int length(int id) {
        return start[id + 1] - start[id];
    }

    long hash(int id) {
        return hashes[id];
    }

    long sensorMask(int id) {
        return sensorMasks[id];
    }

    /** How many of set {@code id}'s facts were crossed by the last {@link #cross}. */
    int crossed(int id) {
        return crossed[id];
    }

    /** Number of sets with at least one crossed fact in the last {@link #cross}. */
    int crossedCount() {
        return crossedCount;
    }

    /** The {@code i}-th of those sets, in creation order. */
    int crossedId(int i) {
        return crossedIds[i];
    }

    /** Copies set {@code id}'s facts into {@code out} from {@code offset}; returns how many. */
    int facts(int id, int[] out, int offset) {
        int n = length(id);
        System.arraycopy(pool, start[id], out, offset, n);
        return n;
    }

    /**
     * Copies the facts of set {@code id} that are also in the sorted {@code other[0 .. otherLength)} into {@code out}
     * from {@code offset}, in order; returns how many.
     */
    int intersect(int id, int[] other, int otherLength, int[] out, int offset) {
        int i = start[id];
        int end = start[id + 1];
        int j = 0;
        int n = 0;
        while (i < end && j < otherLength) {
            int a = pool[i];
            int b = other[j];
            if (a == b) {
                out[offset + n++] = a;
                i++;
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** The id of the set equal to the sorted {@code facts[from .. from + length)}, or -1. */
    int find(int[] facts, int from, int length, long hash) {
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            int id = entry - 1;
            if (hashes[id] == hash && length(id) == length
                    && Arrays.equals(pool, start[id], start[id + 1], facts, from, from + length)) {
                return id;
            }
        }
    }

    /** Adds a set known to be absent; returns its id. */
    int add(int[] facts, int from, int length, long hash) {
        int id = size;
        if (id + 2 > start.length) {
            int cap = start.length * 2;
            start = Arrays.copyOf(start, cap);
            hashes = Arrays.copyOf(hashes, cap);
            sensorMasks = Arrays.copyOf(sensorMasks, cap);
            crossed = Arrays.copyOf(crossed, cap);
            crossedIds = Arrays.copyOf(crossedIds, cap);
        }
        int at = start[id];
        if (at + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, at + length));
        }
        System.arraycopy(facts, from, pool, at, length);
        start[id + 1] = at + length;
        hashes[id] = hash;
        long sensors = 0;
        for (int i = 0; i < length; i++) {
            int f = facts[from + i];
            if (Facts.isSensor(f)) {
                sensors |= 1L << f;
            }
            index(f, id);
        }
        sensorMasks[id] = sensors;
        size++;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        }
        place(id);
        return id;
    }

    private void index(int fact, int id) {
        if (fact >= byFact.length) {
            int cap = Math.max(fact + 1, byFact.length * 2);
            byFact = Arrays.copyOf(byFact, cap);
            byFactSize = Arrays.copyOf(byFactSize, cap);
        }
        int[] list = byFact[fact];
        int n = byFactSize[fact];
        if (list == null) {
            list = new int[4];
            byFact[fact] = list;
        } else if (n == list.length) {
            list = Arrays.copyOf(list, n * 2);
            byFact[fact] = list;
        }
        list[n] = id;
        byFactSize[fact] = n + 1;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int id = 0; id < size; id++) {
            place(id);
        }
    }

    private void place(int id) {
        int mask = table.length - 1;
        int slot = spread(hashes[id]) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = id + 1;
    }

    private static int spread(long hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * Crosses the sets with the sorted distinct {@code facts[0 .. length)}: counts each set's facts among them and
     * lists the sets with any, in creation order (the order in which the reference walks its semi-context list).
     */
    void cross(int[] facts, int length) {
        for (int i = 0; i < crossedCount; i++) {
            crossed[crossedIds[i]] = 0;
        }
        int n = 0;
        for (int k = 0; k < length; k++) {
            int f = facts[k];
            if (f >= byFact.length) {
                continue;
            }
            int[] list = byFact[f];
            for (int i = 0, m = byFactSize[f]; i < m; i++) {
                int id = list[i];
                if (crossed[id]++ == 0) {
                    crossedIds[n++] = id;
                }
            }
        }
        crossedCount = n;
        if (n > size / 8) {
            // Most sets are crossed as a rule (the sensor facts are in nearly all): a scan beats a sort.
            n = 0;
            for (int id = 0; id < size; id++) {
                if (crossed[id] != 0) {
                    crossedIds[n++] = id;
                }
            }
        } else {
            Arrays.sort(crossedIds, 0, n);
        }
    }
}
