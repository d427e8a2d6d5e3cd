package io.vigil.core.iforest;

import java.util.SplittableRandom;

/** Uniform sampling of distinct indices. */
final class Sampling {
    private Sampling() {
    }

    /**
     * k distinct indices from [0, n), uniformly: all of them when k equals n, else Floyd's algorithm, which costs
     * O(k) whatever n is (a partial shuffle of n indices per tree would dominate fitting on large data).
     */
    static int[] withoutReplacement(int n, int k, SplittableRandom random) {
        int[] out = new int[k];
        if (k == n) {
            for (int i = 0; i < n; i++) {
                out[i] = i;
            }
            return out;
        }
        int capacity = Integer.highestOneBit(Math.max(4, k * 2)) << 1;
        int[] table = new int[capacity];
        java.util.Arrays.fill(table, -1);
        int mask = capacity - 1;
        int count = 0;
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            int pick = insert(table, mask, t) ? t : j;
            if (pick == j) {
                insert(table, mask, j);
            }
            out[count++] = pick;
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
