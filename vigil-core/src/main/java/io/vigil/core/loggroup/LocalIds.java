package io.vigil.core.loggroup;

import java.util.Arrays;

/**
 * Numbers the distinct non-zero fingerprints seen within one group 0, 1, 2, ... in order of first appearance. A
 * small open-addressing table, cleared and reused group after group, so counting distinct values in a group costs
 * one probe per entry and allocates nothing once warm. Not thread-safe: one per extracting thread.
 */
final class LocalIds {
    private long[] table = new long[64];
    private int[] ids = new int[64];
    private long[] values = new long[32];
    private int mask = 63;
    private int count;

    /** Empties the table, making room for up to {@code n} distinct values. */
    void reset(int n) {
        int capacity = Integer.highestOneBit(Math.max(8, 2 * n - 1)) << 1;
        if (capacity > table.length) {
            table = new long[capacity];
            ids = new int[capacity];
            values = new long[capacity / 2];
        } else {
            Arrays.fill(table, 0, mask + 1, 0L);
        }
        mask = Math.min(capacity, table.length) - 1;
        count = 0;
    }

    /** The local id of {@code f} (non-zero), assigning the next one if it is new. */
    int id(long f) {
        int i = (int) (f ^ (f >>> 29)) & mask;
        long s;
        while ((s = table[i]) != 0L) {
            if (s == f) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        table[i] = f;
        ids[i] = count;
        values[count] = f;
        return count++;
    }

    /** The local id of {@code f}, or -1 when it has none; only reads, so safe from many threads once filled. */
    int find(long f) {
        int i = (int) (f ^ (f >>> 29)) & mask;
        long s;
        while ((s = table[i]) != 0L) {
            if (s == f) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    int count() {
        return count;
    }

    /** The distinct fingerprints in order of first appearance. */
    long[] values() {
        return Arrays.copyOf(values, count);
    }

    /** The fingerprint that got local id {@code id}. */
    long value(int id) {
        return values[id];
    }
}
