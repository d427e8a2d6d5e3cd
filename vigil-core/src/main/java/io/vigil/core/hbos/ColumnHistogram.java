package io.vigil.core.hbos;

import io.vigil.core.ecdf.RadixSort;

/**
 * One column's static histogram as numpy's {@code np.histogram(column, bins, density=True)} builds it: equal-width
 * bins between the column's minimum and maximum (widened by 0.5 on each side when they are equal), edges from
 * {@code linspace}, bin k holding edge[k] &lt;= x &lt; edge[k + 1] and the last bin also its right edge, and density
 * count / width / n.
 *
 * @param edges   bins + 1 increasing edges
 * @param density bins densities; their integral over the edges is 1
 */
record ColumnHistogram(double[] edges, double[] density) {

    int bins() {
        return density.length;
    }

    /** The histogram of {@code column} (finite values, at least one) with {@code bins} bins. */
    static ColumnHistogram of(double[] column, int bins) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (double v : column) {
            first = Math.min(first, v);
            last = Math.max(last, v);
        }
        double[] edges = edges(first, last, bins);
        long[] counts = new long[bins];
        double scale = bins / (edges[bins] - edges[0]);
        for (double v : column) {
            int k = (int) ((v - edges[0]) * scale);
            // the estimate can be one bin off near an edge; the edges themselves decide, as in numpy
            if (k >= bins) {
                k = bins - 1;
            }
            while (k > 0 && v < edges[k]) {
                k--;
            }
            while (k < bins - 1 && v >= edges[k + 1]) {
                k++;
            }
            counts[k]++;
        }
        double[] density = new double[bins];
        for (int k = 0; k < bins; k++) {
            density[k] = counts[k] / (edges[k + 1] - edges[k]) / column.length;
        }
        return new ColumnHistogram(edges, density);
    }

    /** numpy's range and {@code linspace(first, last, bins + 1)}: edge k is k * step + first, the last one exact. */
    static double[] edges(double first, double last, int bins) {
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double step = (last - first) / bins;
        double[] edges = new double[bins + 1];
        for (int k = 0; k < bins; k++) {
            edges[k] = k * step + first;
        }
        edges[bins] = last;
        return edges;
    }

    /**
     * The bin count PyOD's {@code get_optimal_n_bins} picks for a column (Birge and Rozenblac, "How many bins should
     * be put in a regular histogram", ESAIM: P&amp;S 2006): over b = 1 .. floor(sqrt(n)) - 1, the first maximiser of
     * sum_k [h_k log(b h_k / n + 1) - (b - 1 + log(b)^2.5)], the penalty inside the sum as PyOD writes it.
     * Counts come from binary searches in the sorted column, so each candidate costs b searches, not a pass.
     */
    static int birgeRozenblacBins(double[] column) {
        int n = column.length;
        int upper = (int) Math.sqrt(n);
        if (upper < 2) {
            return 1;
        }
        double[] sorted = column.clone();
        RadixSort.sort(sorted);
        double first = sorted[0];
        double last = sorted[n - 1];
        int best = 1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int b = 1; b < upper; b++) {
            double[] edges = edges(first, last, b);
            double penalty = b - 1 + Math.pow(Math.log(b), 2.5);
            double value = 0;
            int below = 0;
            for (int k = 0; k < b; k++) {
                int next = k == b - 1 ? n : lowerBound(sorted, edges[k + 1]);
                long h = next - below;
                value += h * Math.log((double) (b * h) / n + 1) - penalty;
                below = next;
            }
            if (value > bestValue) {
                bestValue = value;
                best = b;
            }
        }
        return best;
    }

    /** Number of values of sorted {@code s} strictly below v. */
    private static int lowerBound(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
