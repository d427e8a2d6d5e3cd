package io.vigil.core.ecdf;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;

/**
 * Per-column empirical distribution functions of a training matrix, kept as its sorted columns so that new values
 * are looked up against the training data alone. For a value x of column j it counts the training values at most x
 * (the left tail, n F_left(x) with F_left = ECDF(X)) and at least x (the right tail, n F_right(x) with
 * F_right = ECDF(-X) at -x), the two quantities ECOD and COPOD are built on. It also keeps the sign of each column's
 * sample skewness.
 *
 * <p>Immutable and safe to use from many threads.
 */
public final class EmpiricalCdf {
    /** Resolution of float64, used as scipy.stats.skew does to call a column constant. */
    private static final double RESOLUTION = 1e-15;
    /** Sorted values per index entry. */
    private static final int STRIDE = 64;
    private static final int TRANSPOSE_BLOCK = 8192;

    private final double[] sorted;
    private final int rows;
    private final int features;
    private final int[] skewSigns;
    /** Every 64th value of each sorted column: the upper levels of every search, small enough to stay cached. */
    private final double[] index;
    private final int indexLength;

    private EmpiricalCdf(double[] sorted, int rows, int features, int[] skewSigns) {
        this.sorted = sorted;
        this.rows = rows;
        this.features = features;
        this.skewSigns = skewSigns;
        this.indexLength = (rows + STRIDE - 1) / STRIDE;
        this.index = new double[indexLength * features];
        for (int j = 0; j < features; j++) {
            for (int k = 0; k < indexLength; k++) {
                index[j * indexLength + k] = sorted[j * rows + k * STRIDE];
            }
        }
    }

    /**
     * Sorts every column of {@code data} (never mutated).
     *
     * @throws IllegalArgumentException when {@code data} has no rows or columns or holds a NaN or infinite value
     */
    public static EmpiricalCdf fit(Matrix data, int threads) {
        int n = data.rows();
        int d = data.cols();
        if (n == 0 || d == 0) {
            throw new IllegalArgumentException("cannot fit empirical distributions on " + n + " rows of " + d
                    + " features");
        }
        double[] x = data.values();
        // checked up front, on the calling thread, so the error reaches the caller unwrapped
        for (int p = 0; p < x.length; p++) {
            if (!Double.isFinite(x[p])) {
                throw new IllegalArgumentException("row " + p / d + ", column " + p % d + " is " + x[p]
                        + "; empirical distributions need finite values");
            }
        }
        double[] sorted = new double[n * d];
        int blocks = (n + TRANSPOSE_BLOCK - 1) / TRANSPOSE_BLOCK;
        // one row-major pass over the data, not one strided pass per column
        ParallelLoop.run(threads, blocks, b -> {
            for (int i = b * TRANSPOSE_BLOCK, end = Math.min(n, i + TRANSPOSE_BLOCK); i < end; i++) {
                for (int j = 0, p = i * d; j < d; j++, p++) {
                    sorted[j * n + i] = x[p];
                }
            }
        });
        int[] signs = new int[d];
        ParallelLoop.run(threads, d, j -> {
            RadixSort.sort(sorted, j * n, (j + 1) * n);
            signs[j] = skewSign(sorted, j * n, n);
        });
        return new EmpiricalCdf(sorted, n, d, signs);
    }

    /**
     * Rebuilds from {@link #sortedColumns()} and {@link #skewSigns()}, checking that they are consistent.
     *
     * @throws IllegalArgumentException when the arrays disagree in size, a column is not sorted or a sign is not
     *                                  -1, 0 or 1
     */
    public static EmpiricalCdf of(double[] sortedColumns, int rows, int features, int[] skewSigns) {
        if (rows <= 0 || features <= 0 || (long) rows * features != sortedColumns.length
                || skewSigns.length != features) {
            throw new IllegalArgumentException("sorted columns of " + sortedColumns.length + " values and "
                    + skewSigns.length + " skewness signs do not fit " + rows + " rows of " + features + " features");
        }
        for (int j = 0; j < features; j++) {
            if (skewSigns[j] < -1 || skewSigns[j] > 1) {
                throw new IllegalArgumentException("skewness sign of column " + j + " is " + skewSigns[j]);
            }
            for (int i = j * rows + 1, end = (j + 1) * rows; i < end; i++) {
                if (!(sortedColumns[i - 1] <= sortedColumns[i])) {
                    throw new IllegalArgumentException("column " + j + " is not sorted at row " + (i - j * rows));
                }
            }
        }
        return new EmpiricalCdf(sortedColumns, rows, features, skewSigns);
    }

    /**
     * The sign of scipy.stats.skew (biased moments): sign of the third central moment, and 0 for a column whose
     * variance is within float64 resolution of zero, where scipy gives NaN and PyOD's {@code nan_to_num} makes it 0.
     */
    private static int skewSign(double[] values, int off, int n) {
        double sum = 0;
        for (int i = off; i < off + n; i++) {
            sum += values[i];
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        for (int i = off; i < off + n; i++) {
            double dev = values[i] - mean;
            double sq = dev * dev;
            m2 += sq;
            m3 += sq * dev;
        }
        m2 /= n;
        double floor = RESOLUTION * mean;
        if (m2 <= floor * floor) {
            return 0;
        }
        return (int) Math.signum(m3);
    }

    /** Throws, naming the first one, when {@code rows} holds a NaN, which has no place in any distribution. */
    public static void requireNoNaN(Matrix rows) {
        double[] x = rows.values();
        for (int p = 0; p < x.length; p++) {
            if (Double.isNaN(x[p])) {
                throw new IllegalArgumentException("row " + p / rows.cols() + ", column " + p % rows.cols()
                        + " is NaN");
            }
        }
    }

    /** Training rows: the n of every tail probability. */
    public int rows() {
        return rows;
    }

    public int features() {
        return features;
    }

    /** Sign of each column's sample skewness: -1, 0 or 1. A copy. */
    public int[] skewSigns() {
        return skewSigns.clone();
    }

    public int skewSign(int column) {
        return skewSigns[column];
    }

    /** The sorted training columns, column after column, for model files; shared, callers must not mutate it. */
    public double[] sortedColumns() {
        return sorted;
    }

    /**
     * The tail probability behind a tail count: count / n. A value beyond every training value (count 0) gets
     * 1 / (n + 1), what PyOD gives a single new row past the training extreme, so that scores stay finite and a row
     * further out than the training extreme still outranks it.
     */
    public double probability(int count) {
        return count == 0 ? 1.0 / (rows + 1) : (double) count / rows;
    }

    /**
     * For each row i of {@code rows}, counts the training values of {@code column} at most (into
     * {@code atMost[offset + i]}) and at least (into {@code atLeast[offset + i]}) the row's value.
     * Many rows are radix-sorted and merged with the training column in one sequential pass; few rows are
     * binary-searched. Both give the same counts. Callers reject NaN values first.
     */
    public void countTails(Matrix rows, int column, int[] atMost, int[] atLeast, int offset) {
        int m = rows.rows();
        int d = rows.cols();
        double[] x = rows.values();
        double[] values = new double[m];
        for (int i = 0, p = column; i < m; i++, p += d) {
            values[i] = x[p];
        }
        int n = this.rows;
        if ((long) m * (33 - Integer.numberOfLeadingZeros(n)) < n) {
            for (int i = 0; i < m; i++) {
                int below = countBelow(column, values[i], false);
                atMost[offset + i] = countAtMost(column, values[i], below);
                atLeast[offset + i] = n - below;
            }
            return;
        }
        double[] queries = new double[m];
        int[] order = RadixSort.order(values, queries);
        double[] s = sorted;
        int base = column * n;
        int below = 0;
        int upTo = 0;
        for (int k = 0; k < m; k++) {
            double v = queries[k];
            while (below < n && s[base + below] < v) {
                below++;
            }
            if (upTo < below) {
                upTo = below;
            }
            while (upTo < n && s[base + upTo] <= v) {
                upTo++;
            }
            int i = order[k];
            atMost[offset + i] = upTo;
            atLeast[offset + i] = n - below;
        }
    }

    /** Training values of {@code column} at most v, given the count below v: a short scan over ties, else a search. */
    private int countAtMost(int column, double v, int below) {
        int base = column * rows;
        int end = Math.min(rows, below + 8);
        int k = below;
        while (k < end && sorted[base + k] == v) {
            k++;
        }
        return k < end || k == rows ? k : countBelow(column, v, true);
    }

    /**
     * Number of training values of {@code column} below v (at most v when {@code inclusive}): a binary search in the
     * index of every 64th value, which stays in cache, then one within a stride of the column.
     */
    private int countBelow(int column, double v, boolean inclusive) {
        double[] idx = index;
        int ib = column * indexLength;
        int lo = 0;
        int hi = indexLength;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double t = idx[ib + mid];
            if (t < v || (inclusive && t == v)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return 0;
        }
        double[] s = sorted;
        int base = column * rows;
        int a = (lo - 1) * STRIDE + 1;
        int b = Math.min(lo * STRIDE, rows);
        while (a < b) {
            int mid = (a + b) >>> 1;
            double t = s[base + mid];
            if (t < v || (inclusive && t == v)) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }
}
