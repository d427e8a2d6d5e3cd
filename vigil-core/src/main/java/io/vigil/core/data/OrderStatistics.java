package io.vigil.core.data;

/** Selection of order statistics in linear expected time, for medians of large columns without a full sort. */
public final class OrderStatistics {
    private OrderStatistics() {
    }

    /**
     * Rearranges {@code a[0..n)} so that {@code a[k]} holds the k-th smallest value, smaller-or-equal values
     * before it and greater-or-equal after, and returns it (Hoare's quickselect with median-of-three pivots).
     * NaN must not occur.
     */
    public static double select(double[] a, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("k must be in [0, " + n + "), got " + k);
        }
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            if (hi - lo < 16) {
                insertionSort(a, lo, hi);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** Median of a[0..n): the middle value, or the mean of the two middle values when n is even. Reorders a. */
    public static double median(double[] a, int n) {
        if (n == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        int mid = n / 2;
        double upper = select(a, n, mid);
        if (n % 2 == 1) {
            return upper;
        }
        // After selecting mid, the lower middle is the largest value in a[0..mid).
        double lower = a[0];
        for (int i = 1; i < mid; i++) {
            if (a[i] > lower) {
                lower = a[i];
            }
        }
        return (lower + upper) / 2.0;
    }

    private static void insertionSort(double[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
