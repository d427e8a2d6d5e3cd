package io.vigil.core.stream.complexity;

import java.util.Arrays;

/**
 * Child links of the context tree: an open-addressing hash table from (parent id, byte) to child id, linear probing
 * with backward-shift deletion so that evictions leave no tombstones. Keys are {@code parent * 256 + byte}.
 */
final class ChildIndex {
    private static final int EMPTY = -1;
    private int[] keys;
    private int[] values;
    private int mask;
    private int size;

    ChildIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[cap];
        values = new int[cap];
        Arrays.fill(keys, EMPTY);
        mask = cap - 1;
    }

    int get(int parent, int sym) {
        int key = (parent << 8) | sym;
        int[] k = keys;
        int slot = mix(key) & mask;
        while (true) {
            int found = k[slot];
            if (found == key) {
                return values[slot];
            }
            if (found == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    void put(int parent, int sym, int child) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int key = (parent << 8) | sym;
        int slot = mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            size++;
        }
        keys[slot] = key;
        values[slot] = child;
    }

    void remove(int parent, int sym) {
        int key = (parent << 8) | sym;
        int slot = mix(key) & mask;
        while (keys[slot] != key) {
            if (keys[slot] == EMPTY) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        size--;
        // Backward shift: pull later entries of the probe run into the hole unless that would move them before
        // their home slot.
        int hole = slot;
        int next = (hole + 1) & mask;
        while (keys[next] != EMPTY) {
            int home = mix(keys[next]) & mask;
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        keys[hole] = EMPTY;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i] >>> 8, oldKeys[i] & 0xFF, oldValues[i]);
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
