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

    /** Slots the lookup table starts with; it doubles whenever it is half full. */
    private static final int INITIAL_SLOTS = 1 << 12;

    /**
     * Groups equal rows (bitwise equal doubles, so -0.0 and 0.0 differ and NaN equals NaN). One open-addressing
     * table maps a row's hash to its distinct row; each slot holds the distinct row's id beside 32 bits of the hash,
     * so a probe reads one slot and compares values only when those bits match. The distinct rows are copied out as
     * they appear, and the table starts small and grows, so it stays in cache when rows repeat a lot.
     */
    public static DistinctRows of(Matrix m) {
        int n = m.rows();
        int d = m.cols();
        double[] x = m.values();
        int capacity = INITIAL_SLOTS;
        long[] slots = new long[capacity];
        double[] unique = new double[Math.max(1, Math.min(n, INITIAL_SLOTS) * d)];
        int[] inverse = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            int base = i * d;
            long h = hash(x, base, d);
            int print = (int) (h >>> 32);
            int mask = capacity - 1;
            int slot = (int) h & mask;
            while (true) {
                long s = slots[slot];
                if (s == 0) {
                    if ((distinct + 1) * d > unique.length) {
                        unique = Arrays.copyOf(unique, unique.length * 2);
                    }
                    System.arraycopy(x, base, unique, distinct * d, d);
                    slots[slot] = entry(print, distinct);
                    inverse[i] = distinct++;
                    if (2 * distinct > capacity) {
                        capacity *= 2;
                        slots = rehash(unique, d, distinct, capacity);
                    }
                    break;
                }
                if ((int) (s >>> 32) == print) {
                    int id = (int) s - 1;
                    if (sameRow(unique, id * d, x, base, d)) {
                        inverse[i] = id;
                        break;
                    }
                }
                slot = (slot + 1) & mask;
            }
        }
        if (distinct == n) {
            return new DistinctRows(m, inverse);
        }
        return new DistinctRows(new Matrix(Arrays.copyOf(unique, distinct * d), distinct, d), inverse);
    }

    private static long hash(double[] x, int base, int d) {
        long h = 0x9E3779B97F4A7C15L;
        for (int j = 0; j < d; j++) {
            h = (h ^ Double.doubleToRawLongBits(x[base + j])) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h * 0x94D049BB133111EBL;
    }

    /** A slot: the hash's high 32 bits, then the id plus one (so that 0 means empty). */
    private static long entry(int print, int id) {
        return (long) print << 32 | (id + 1L);
    }

    private static long[] rehash(double[] unique, int d, int distinct, int capacity) {
        long[] slots = new long[capacity];
        int mask = capacity - 1;
        for (int id = 0; id < distinct; id++) {
            long h = hash(unique, id * d, d);
            int slot = (int) h & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry((int) (h >>> 32), id);
        }
        return slots;
    }

    private static boolean sameRow(double[] a, int from, double[] b, int base, int d) {
        for (int j = 0; j < d; j++) {
            if (Double.doubleToRawLongBits(a[from + j]) != Double.doubleToRawLongBits(b[base + j])) {
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
