package io.vigil.core.iforest;

import io.vigil.core.data.Matrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one isolation tree into flat arrays. Children of a node are stored next to each other
 * ({@code right = left + 1}); a leaf has feature -1 and holds its final path length, depth + c(size).
 * Follows scikit-learn's random splitter: features are tried in random order, constant ones skipped, and the
 * split is uniform in [min, max) with left taking values at most the threshold.
 */
final class TreeGrower {
    /** Below this spread a feature counts as constant at a node (scikit-learn's FEATURE_THRESHOLD). */
    private static final double CONSTANT_SPREAD = 1e-7;

    private final Matrix data;
    private final int[] features;
    private final int maxDepth;
    private final SplittableRandom random;

    private int[] feature = new int[64];
    private int[] left = new int[64];
    private double[] value = new double[64];
    private int size;

    TreeGrower(Matrix data, int[] features, int maxDepth, SplittableRandom random) {
        this.data = data;
        this.features = features;
        this.maxDepth = maxDepth;
        this.random = random;
    }

    /** Grows the tree on the rows in {@code sample} (reordered in place). */
    Tree grow(int[] sample) {
        allocate();
        split(0, sample, 0, sample.length, 0, new int[features.length]);
        return new Tree(Arrays.copyOf(feature, size), Arrays.copyOf(left, size), Arrays.copyOf(value, size));
    }

    record Tree(int[] feature, int[] left, double[] value) {
    }

    private int allocate() {
        if (size == feature.length) {
            int n = size * 2;
            feature = Arrays.copyOf(feature, n);
            left = Arrays.copyOf(left, n);
            value = Arrays.copyOf(value, n);
        }
        return size++;
    }

    private void split(int node, int[] rows, int lo, int hi, int depth, int[] order) {
        int n = hi - lo;
        if (depth >= maxDepth || n <= 1) {
            leaf(node, n, depth);
            return;
        }
        double[] x = data.values();
        int cols = data.cols();
        for (int i = 0; i < order.length; i++) {
            order[i] = features[i];
        }
        // Fisher-Yates draw without replacement until a non-constant feature turns up.
        for (int remaining = order.length; remaining > 0; remaining--) {
            int pick = random.nextInt(remaining);
            int f = order[pick];
            order[pick] = order[remaining - 1];
            order[remaining - 1] = f;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = x[rows[i] * cols + f];
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
            if (!(max > min + CONSTANT_SPREAD)) {
                continue;
            }
            double threshold = min + random.nextDouble() * (max - min);
            if (threshold >= max) {
                threshold = min;
            }
            int mid = partition(rows, lo, hi, f, threshold, x, cols);
            int child = allocate();
            allocate();
            feature[node] = f;
            left[node] = child;
            value[node] = threshold;
            split(child, rows, lo, mid, depth + 1, order);
            split(child + 1, rows, mid, hi, depth + 1, order);
            return;
        }
        leaf(node, n, depth);
    }

    private void leaf(int node, int n, int depth) {
        feature[node] = -1;
        left[node] = -1;
        value[node] = depth + PathLength.average(n);
    }

    private static int partition(int[] rows, int lo, int hi, int f, double threshold, double[] x, int cols) {
        int i = lo;
        int j = hi - 1;
        while (i <= j) {
            if (!(x[rows[i] * cols + f] > threshold)) {
                i++;
            } else {
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
                j--;
            }
        }
        return i;
    }
}
