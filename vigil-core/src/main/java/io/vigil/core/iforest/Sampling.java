package io.vigil.core.iforest;

import io.vigil.core.random.Mt19937;

/**
 * Distinct indices drawn as scikit-learn's {@code sample_without_replacement(n, k, method="auto")} draws them from a
 * NumPy {@code RandomState}, so a seed picks the rows scikit-learn's bagging picks: a permutation's first k when
 * 0.01 &lt; k/n &lt; 0.99, else tracking selection (redraw on repeats) below k/n 0.2, else reservoir sampling.
 */
final class Sampling {
    private Sampling() {
    }

    static int[] withoutReplacement(int n, int k, Mt19937 random) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct indices from " + n);
        }
        double ratio = n == 0 ? 1.0 : (double) k / n;
        if (ratio > 0.01 && ratio < 0.99) {
            int[] p = random.permutation(n);
            return java.util.Arrays.copyOf(p, k);
        }
        return ratio < 0.2 ? trackingSelection(n, k, random) : reservoir(n, k, random);
    }

    private static int[] trackingSelection(int n, int k, Mt19937 random) {
        int[] out = new int[k];
        int capacity = Integer.highestOneBit(Math.max(4, k * 2)) << 1;
        int[] table = new int[capacity];
        java.util.Arrays.fill(table, -1);
        int mask = capacity - 1;
        for (int i = 0; i < k; i++) {
            int j;
            do {
                j = (int) random.randint(n);
            } while (!insert(table, mask, j));
            out[i] = j;
        }
        return out;
    }

    private static int[] reservoir(int n, int k, Mt19937 random) {
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = i;
        }
        for (int i = k; i < n; i++) {
            int j = (int) random.randint(0, i + 1L);
            if (j < k) {
                out[j] = i;
            }
        }
        return out;
    }

    /** Adds v to the open-addressing set; false when it was already there. */
    private static boolean insert(int[] table, int mask, int v) {
        int h = (v * 0x9E3779B9) >>> 7 & mask;
        while (table[h] != -1) {
            if (table[h] == v) {
                return false;
            }
            h = (h + 1) & mask;
        }
        table[h] = v;
        return true;
    }
}
