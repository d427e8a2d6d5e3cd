package io.vigil.core.neighbors;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;

/**
 * Exact Euclidean k-nearest-neighbour search over the rows of a matrix. Immutable and safe to query from many
 * threads; queries run in parallel over query rows and give the same answer whatever the thread count.
 */
public abstract sealed class NeighborIndex permits KdTree, BruteForceIndex {

    /** Above this many columns a k-d tree prunes too little to beat a blocked scan. */
    public static final int MAX_TREE_DIMENSION = 15;

    final Matrix data;

    NeighborIndex(Matrix data) {
        if (data.rows() == 0 || data.cols() == 0) {
            throw new IllegalArgumentException(
                    "cannot index " + data.rows() + " rows of " + data.cols() + " columns");
        }
        this.data = data;
    }

    /** Builds a k-d tree for up to {@value #MAX_TREE_DIMENSION} columns, a blocked brute-force index above. */
    public static NeighborIndex build(Matrix data) {
        return data.cols() <= MAX_TREE_DIMENSION ? KdTree.build(data) : BruteForceIndex.build(data);
    }

    /** The indexed rows (shared, not copied). */
    public Matrix data() {
        return data;
    }

    /**
     * The {@code k} nearest indexed rows of every query row, using every core.
     *
     * @param excludeSelf when true, {@code queries} must be the indexed rows themselves (same count) and query row
     *                    i never gets indexed row i as a neighbour; identical rows at distance 0 still do
     */
    public Neighbors query(Matrix queries, int k, boolean excludeSelf) {
        return query(queries, k, excludeSelf, ParallelLoop.defaultThreads());
    }

    /** As {@link #query(Matrix, int, boolean)} on up to {@code threads} threads. */
    public final Neighbors query(Matrix queries, int k, boolean excludeSelf, int threads) {
        if (queries.cols() != data.cols()) {
            throw new IllegalArgumentException(
                    "queries have " + queries.cols() + " columns, the index has " + data.cols());
        }
        if (excludeSelf && queries.rows() != data.rows()) {
            throw new IllegalArgumentException("excluding self needs the indexed rows as queries, got "
                    + queries.rows() + " rows for " + data.rows());
        }
        int available = excludeSelf ? data.rows() - 1 : data.rows();
        if (k < 1 || k > available) {
            throw new IllegalArgumentException("k must be between 1 and " + available + ", got " + k);
        }
        int n = queries.rows();
        int[] indices = new int[n * k];
        double[] distances = new double[n * k];
        if (n > 0) {
            search(queries, k, excludeSelf, Math.max(1, threads), indices, distances);
        }
        return new Neighbors(n, k, indices, distances);
    }

    /** Fills row i's k neighbours into [i*k, (i+1)*k) of the outputs; arguments are already checked. */
    abstract void search(Matrix queries, int k, boolean excludeSelf, int threads, int[] indices,
                         double[] distances);

    /**
     * sum((a-b)^2), column by column in order. Every reported distance is this exact sum (the k-d tree computes
     * the same sums a leaf at a time), which is what makes both indexes' answers bit-identical.
     */
    static double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double diff = a[aOffset + t] - b[bOffset + t];
            s += diff * diff;
        }
        return s;
    }
}
