package io.vigil.core.stream.cad;

import java.util.Arrays;

/**
 * For each left semi-context, its contexts by right semi-context: a map from right semi-context id to context id.
 *
 * <p>Each map is an open-addressing table laid out exactly as CPython 2 lays out a dict with small int keys: slot
 * {@code key & mask}, then the perturbed probe {@code i = 5 i + perturb + 1}, {@code perturb >>= 5}; once two thirds
 * of the slots are used, grown to the least power of two above four times the entries (twice, past 50,000), entries
 * moved in slot order. Why: the reference walks these dicts in slot order when it proposes new contexts, the
 * proposals' order numbers the new contexts, and context numbers become neuron facts; matching the walk is what
 * makes this detector reproduce the reference's scores rather than merely resemble them. Entries are never removed.
 */
final class ContextLinks {
    private static final int MIN_SLOTS = 8;
    private static final int EMPTY = -1;
    /** Per left semi-context: keys at even indices, values at odd ones; null until the first entry. */
    private int[][] tables = new int[64][];
    /** Per left semi-context: its entries in slot order, (key, value) pairs, dense, for walking. */
    private int[][] walks = new int[64][];
    private int[] used = new int[64];

    /** Makes room for left semi-context ids below {@code count}. */
    void ensure(int count) {
        if (count > tables.length) {
            int cap = Math.max(count, tables.length * 2);
            tables = Arrays.copyOf(tables, cap);
            walks = Arrays.copyOf(walks, cap);
            used = Arrays.copyOf(used, cap);
        }
    }

    /** The context under {@code right} in {@code left}'s map; if absent, {@code context} is put there and returned. */
    int putIfAbsent(int left, int right, int context) {
        int[] t = tables[left];
        if (t == null) {
            t = newTable(MIN_SLOTS);
            tables[left] = t;
        }
        int slot = probe(t, right);
        if (t[2 * slot] == right) {
            return t[2 * slot + 1];
        }
        t[2 * slot] = right;
        t[2 * slot + 1] = context;
        int n = ++used[left];
        int slots = t.length / 2;
        if (n * 3 >= slots * 2) {
            t = grow(t, (n > 50_000 ? 2 : 4) * n);
            tables[left] = t;
        }
        // Entries are added far more rarely than walked, so the walk order is rebuilt on each addition.
        int[] walk = walks[left];
        if (walk == null || walk.length < 2 * n) {
            walk = new int[4 * n];
            walks[left] = walk;
        }
        for (int s = 0, k = 0; s < t.length / 2; s++) {
            if (t[2 * s] != EMPTY) {
                walk[k++] = t[2 * s];
                walk[k++] = t[2 * s + 1];
            }
        }
        return context;
    }

    /**
     * The entries of {@code left} in the reference's walk order: right semi-context at {@code 2 i}, context at
     * {@code 2 i + 1}, for {@code i < size(left)}; null when it has none.
     */
    int[] walk(int left) {
        return walks[left];
    }

    int size(int left) {
        return used[left];
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private static int probe(int[] t, int key) {
        int mask = t.length / 2 - 1;
        long i = key & mask;
        int slot = (int) i;
        if (t[2 * slot] == EMPTY || t[2 * slot] == key) {
            return slot;
        }
        for (long perturb = key; ; perturb >>>= 5) {
            i = (i << 2) + i + perturb + 1;
            slot = (int) (i & mask);
            if (t[2 * slot] == EMPTY || t[2 * slot] == key) {
                return slot;
            }
        }
    }

    private static int[] grow(int[] old, int minUsed) {
        int slots = MIN_SLOTS;
        while (slots <= minUsed) {
            slots <<= 1;
        }
        int[] t = newTable(slots);
        for (int s = 0; s < old.length / 2; s++) {
            int key = old[2 * s];
            if (key != EMPTY) {
                int at = probe(t, key);
                t[2 * at] = key;
                t[2 * at + 1] = old[2 * s + 1];
            }
        }
        return t;
    }

    private static int[] newTable(int slots) {
        int[] t = new int[2 * slots];
        Arrays.fill(t, EMPTY);
        return t;
    }
}
