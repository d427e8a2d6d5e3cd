package io.vigil.core.iforest;

import java.util.Arrays;

/**
 * The forest re-laid as complete binary trees of the height limit, for scoring. Node k's children are 2k+1 and
 * 2k+2, so a row's walk is exactly {@code depth} steps of index arithmetic: no leaf test, no pointer load, and the
 * branch becomes a compare-and-add. Leaves above the height limit turn into pass-through nodes (threshold +inf,
 * so every row goes left, NaN included) that carry the leaf's path length down to the bottom row. Walking a block
 * of rows level by level keeps many independent walks in flight, which hides the memory latency of each step.
 */
final class CompleteForest {
    /** Trees deeper than this would need 2^depth slots each; the pointer layout scores those. */
    static final int MAX_DEPTH = 12;

    /** Below this many rows, rows are walked one at a time across all trees (see {@link #pathSum}). */
    private static final int FEW_ROWS = 8;
    private final int depth;
    private final int internal;
    private final int trees;
    private final int[] feature;
    private final double[] threshold;
    private final double[] leaf;

    private CompleteForest(int depth, int trees, int[] feature, double[] threshold, double[] leaf) {
        this.depth = depth;
        this.internal = (1 << depth) - 1;
        this.trees = trees;
        this.feature = feature;
        this.threshold = threshold;
        this.leaf = leaf;
    }

    /** Builds the complete layout, or returns null when a tree is deeper than {@link #MAX_DEPTH}. */
    static CompleteForest of(int[] treeStart, int[] feature, int[] left, double[] value, int maxDepth) {
        int depth = Math.max(1, maxDepth);
        if (depth > MAX_DEPTH) {
            return null;
        }
        int trees = treeStart.length - 1;
        int internal = (1 << depth) - 1;
        int leaves = 1 << depth;
        int[] f = new int[trees * internal];
        double[] t = new double[trees * internal];
        double[] l = new double[trees * leaves];
        for (int tree = 0; tree < trees; tree++) {
            if (!place(treeStart[tree], 0, 0, depth, feature, left, value, f, t, l, tree * internal,
                    tree * leaves)) {
                return null;
            }
        }
        return new CompleteForest(depth, trees, f, t, l);
    }

    private static boolean place(int node, int slot, int level, int depth, int[] feature, int[] left, double[] value,
                                 int[] f, double[] t, double[] l, int fBase, int lBase) {
        if (level == depth) {
            if (feature[node] >= 0) {
                return false; // deeper than the height limit
            }
            l[lBase + slot - ((1 << depth) - 1)] = value[node];
            return true;
        }
        if (feature[node] < 0) {
            f[fBase + slot] = 0;
            t[fBase + slot] = Double.POSITIVE_INFINITY;
            // Both subtrees get the leaf's value so no slot is ever left unset.
            return place(node, 2 * slot + 1, level + 1, depth, feature, left, value, f, t, l, fBase, lBase)
                    && place(node, 2 * slot + 2, level + 1, depth, feature, left, value, f, t, l, fBase, lBase);
        }
        f[fBase + slot] = feature[node];
        t[fBase + slot] = value[node];
        return place(left[node], 2 * slot + 1, level + 1, depth, feature, left, value, f, t, l, fBase, lBase)
                && place(left[node] + 1, 2 * slot + 2, level + 1, depth, feature, left, value, f, t, l, fBase, lBase);
    }

    /**
     * One row's path lengths summed over the trees, walked level by level across all trees at once: the trees'
     * walks are independent, so their memory loads overlap instead of waiting one on another as a tree-at-a-time
     * walk of a single row would (a single-row REST request is this case).
     */
    private double pathSum(double[] x, int offset) {
        int[] idx = new int[trees];
        int[] feature = this.feature;
        double[] threshold = this.threshold;
        for (int level = 0; level < depth; level++) {
            for (int tree = 0, fBase = 0; tree < trees; tree++, fBase += internal) {
                int k = idx[tree];
                int node = fBase + k;
                idx[tree] = 2 * k + 1 + (x[offset + feature[node]] > threshold[node] ? 1 : 0);
            }
        }
        double sum = 0;
        for (int tree = 0; tree < trees; tree++) {
            sum += leaf[tree * (internal + 1) - internal + idx[tree]];
        }
        return sum;
    }

    /** Adds every tree's path length for rows [from, to) of {@code x} (d columns) to {@code sums[from..to)}. */
    void accumulate(double[] x, int d, int from, int to, double[] sums) {
        int n = to - from;
        if (n < FEW_ROWS) {
            for (int r = from; r < to; r++) {
                sums[r] += pathSum(x, r * d);
            }
            return;
        }
        int[] idx = new int[n];
        int[] feature = this.feature;
        double[] threshold = this.threshold;
        double[] leaf = this.leaf;
        for (int tree = 0; tree < trees; tree++) {
            int fBase = tree * internal;
            Arrays.fill(idx, 0);
            for (int level = 0; level < depth; level++) {
                for (int r = 0; r < n; r++) {
                    int k = idx[r];
                    int node = fBase + k;
                    // Right when x > threshold: the sign bit of threshold - x, branch-free (a data-dependent branch
                    // here is mispredicted half the time); equal values give +0.0 and go left, as in training.
                    idx[r] = 2 * k + 1 + (int) (Double.doubleToRawLongBits(threshold[node] - x[(from + r) * d
                            + feature[node]]) >>> 63);
                }
            }
            int lBase = tree * (internal + 1) - internal;
            for (int r = 0; r < n; r++) {
                sums[from + r] += leaf[lBase + idx[r]];
            }
        }
    }
}
