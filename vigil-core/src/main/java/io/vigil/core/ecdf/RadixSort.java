package io.vigil.core.ecdf;

import java.util.Arrays;

/**
 * Least-significant-digit radix sort of doubles on their IEEE-754 bits: up to eight passes of 8 bits, 256 buckets
 * keeping each pass's scattered writes within cache. Linear time, several times faster than {@code Arrays.sort} on a
 * million-row column.
 */
public final class RadixSort {
    private static final int BITS = 8;
    private static final int BUCKETS = 1 << BITS;

    private RadixSort() {
    }

    /** Sorts all of {@code values} ascending in place (-0.0 before 0.0; callers reject NaN). */
    public static void sort(double[] values) {
        sort(values, 0, values.length);
    }

    /** Sorts {@code values[from, to)} ascending in place. */
    public static void sort(double[] values, int from, int to) {
        int n = to - from;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(values[from + i]);
        }
        long[] spare = new long[n];
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            if (!histogram(keys, shift, count)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                spare[count[(int) ((keys[i] >>> shift) & (BUCKETS - 1))]++] = keys[i];
            }
            long[] t = keys;
            keys = spare;
            spare = t;
        }
        for (int i = 0; i < n; i++) {
            values[from + i] = value(keys[i]);
        }
    }

    /**
     * Sorts a copy of {@code values}: writes the values in ascending order to {@code sorted} and returns the
     * permutation, {@code sorted[k] == values[order[k]]}. Stable, so the permutation is deterministic.
     */
    public static int[] order(double[] values, double[] sorted) {
        int n = values.length;
        long[] keys = new long[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(values[i]);
            index[i] = i;
        }
        long[] spareKeys = new long[n];
        int[] spareIndex = new int[n];
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            if (!histogram(keys, shift, count)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                int pos = count[(int) ((keys[i] >>> shift) & (BUCKETS - 1))]++;
                spareKeys[pos] = keys[i];
                spareIndex[pos] = index[i];
            }
            long[] tk = keys;
            keys = spareKeys;
            spareKeys = tk;
            int[] ti = index;
            index = spareIndex;
            spareIndex = ti;
        }
        for (int i = 0; i < n; i++) {
            sorted[i] = value(keys[i]);
        }
        return index;
    }

    /**
     * Fills {@code count} with each digit's first output slot; false when every key has the same digit, in which
     * case the pass would not move anything (common for the high digits of narrow-ranged columns).
     */
    private static boolean histogram(long[] keys, int shift, int[] count) {
        Arrays.fill(count, 0);
        for (long k : keys) {
            count[(int) ((k >>> shift) & (BUCKETS - 1)) + 1]++;
        }
        for (int b = 1; b <= BUCKETS; b++) {
            if (count[b] == keys.length) {
                return false;
            }
        }
        for (int b = 1; b <= BUCKETS; b++) {
            count[b] += count[b - 1];
        }
        return true;
    }

    /** Maps a double to a long whose unsigned order is the double's numeric order. */
    private static long key(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private static double value(long key) {
        long bits = key < 0 ? key ^ Long.MIN_VALUE : ~key;
        return Double.longBitsToDouble(bits);
    }
}
