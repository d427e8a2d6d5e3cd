package io.vigil.core.data;

import java.util.Arrays;

/**
 * The distinct rows of a matrix and, for every original row, the index of its distinct copy. Real data repeats
 * itself (61% of the rows of KDD-99's http set are duplicates), and a deterministic detector scores equal rows
 * equally, so scoring each distinct row once and copying the result is exact and saves that share of the work.
 *
 * @param unique the distinct rows, in order of first appearance
 * @param inverse for each original row, its row in {@code unique}
 */
public record DistinctRows(Matrix unique, int[] inverse) {

    /** Groups equal rows (bitwise equal doubles, so -0.0 and 0.0 differ and NaN equals NaN). */
    public static DistinctRows of(Matrix m) {
        int n = m.rows();
        int d = m.cols();
        double[] x = m.values();
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] table = new int[capacity];
        Arrays.fill(table, -1);
        int[] inverse = new int[n];
        int[] firstRow = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            int base = i * d;
            long h = 0x9E3779B97F4A7C15L;
            for (int j = 0; j < d; j++) {
                h = (h ^ Double.doubleToRawLongBits(x[base + j])) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                int u = table[slot];
                if (u < 0) {
                    table[slot] = distinct;
                    firstRow[distinct] = i;
                    inverse[i] = distinct++;
                    break;
                }
                if (sameRow(x, firstRow[u] * d, base, d)) {
                    inverse[i] = u;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        if (distinct == n) {
            return new DistinctRows(m, inverse);
        }
        return new DistinctRows(m.selectRows(Arrays.copyOf(firstRow, distinct)), inverse);
    }

    private static boolean sameRow(double[] x, int a, int b, int d) {
        for (int j = 0; j < d; j++) {
            if (Double.doubleToRawLongBits(x[a + j]) != Double.doubleToRawLongBits(x[b + j])) {
                return false;
            }
        }
        return true;
    }

    /** Spreads per-distinct-row values back to the original rows. */
    public double[] expand(double[] perUnique) {
        double[] out = new double[inverse.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = perUnique[inverse[i]];
        }
        return out;
    }
}
