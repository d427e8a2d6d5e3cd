package io.vigil.core.iforest;

import io.vigil.core.data.Matrix;
import java.util.Arrays;

/**
 * Grows one isolation tree into flat arrays. Children of a node are stored next to each other
 * ({@code right = left + 1}); a leaf has feature -1 and holds its final path length, depth + c(size).
 *
 * <p>This is scikit-learn's {@code ExtraTreeRegressor(max_features=1, splitter="random")} as IsolationForest grows
 * it, draw for draw: the same xorshift generator seeded the same way, features drawn by the same partial
 * Fisher-Yates over an array that carries over from node to node in depth-first order, constant features (spread at
 * most 1e-7) skipped and remembered for the subtree, and the threshold uniform in [min, max) of the node's values.
 * scikit-learn splits on the values rounded to float32; the stored threshold is the double at or below which a
 * value's float32 rounding falls at or below scikit-learn's threshold, so scoring in doubles sends every row down
 * the branch scikit-learn would while keeping the model's inputs doubles.
 */
final class TreeGrower {
    /** scikit-learn's FEATURE_THRESHOLD: a node's feature with at most this spread is constant there. */
    private static final float CONSTANT_SPREAD = 1e-7f;
    /** scikit-learn's RAND_R_MAX. */
    static final int RAND_R_MAX = 0x7FFFFFFF;

    private final double[] x;
    private final int cols;
    private final int[] columns;
    private final int maxDepth;
    private final int[] features;
    private final int[] constantFeatures;
    private int randState;

    private int[] feature = new int[64];
    private int[] left = new int[64];
    private double[] value = new double[64];
    private int size;

    /**
     * @param columns the data columns the tree sees, in the order scikit-learn's bagging drew them
     * @param randState the splitter's xorshift state, {@code RandomState(tree_seed).randint(0, RAND_R_MAX)}
     */
    TreeGrower(Matrix data, int[] columns, int maxDepth, int randState) {
        this.x = data.values();
        this.cols = data.cols();
        this.columns = columns;
        this.maxDepth = maxDepth;
        this.randState = randState;
        this.features = new int[columns.length];
        for (int i = 0; i < features.length; i++) {
            features[i] = i;
        }
        this.constantFeatures = new int[columns.length];
    }

    /** Grows the tree on the rows in {@code sample} (reordered in place). */
    Tree grow(int[] sample) {
        allocate();
        split(0, sample, 0, sample.length, 0, 0);
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

    private void split(int node, int[] rows, int lo, int hi, int depth, int knownConstants) {
        int n = hi - lo;
        if (depth >= maxDepth || n < 2) {
            leaf(node, n, depth);
            return;
        }
        int drawn = 0;
        int found = 0;
        int totalConstants = knownConstants;
        int unvisited = features.length;
        int visited = 0;
        int splitColumn = -1;
        double splitAt = 0;
        int mid = hi;
        while (unvisited > totalConstants && (visited < 1 || visited <= found + drawn)) {
            visited++;
            int fj = drawn + nextRand() % (unvisited - found - drawn);
            if (fj < knownConstants) {
                swap(features, drawn, fj);
                drawn++;
                continue;
            }
            fj += found;
            int col = columns[features[fj]];
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                float v = float32(x[rows[i] * cols + col]);
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
            if (max <= min + CONSTANT_SPREAD) {
                swap(features, fj, totalConstants);
                found++;
                totalConstants++;
                continue;
            }
            unvisited--;
            swap(features, unvisited, fj);
            double threshold = ((double) max - min) * nextRand() / RAND_R_MAX + min;
            if (threshold == max) {
                threshold = min;
            }
            double boundary = float32Boundary(threshold);
            int pos = partition(rows, lo, hi, col, boundary);
            if (pos == lo || pos == hi) {
                continue;
            }
            splitColumn = col;
            splitAt = boundary;
            mid = pos;
        }
        System.arraycopy(constantFeatures, 0, features, 0, knownConstants);
        System.arraycopy(features, knownConstants, constantFeatures, knownConstants, found);
        if (splitColumn < 0) {
            leaf(node, n, depth);
            return;
        }
        int child = allocate();
        allocate();
        feature[node] = splitColumn;
        left[node] = child;
        value[node] = splitAt;
        split(child, rows, lo, mid, depth + 1, totalConstants);
        split(child + 1, rows, mid, hi, depth + 1, totalConstants);
    }

    /** scikit-learn's {@code our_rand_r}: xorshift32, seed 0 replaced by 1, reduced to 31 bits. */
    private int nextRand() {
        int s = randState == 0 ? 1 : randState;
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        randState = s;
        return s & RAND_R_MAX;
    }

    /** A double as scikit-learn stores it, rounded to float32; beyond float32's range it saturates. */
    static float float32(double v) {
        float f = (float) v;
        if (Float.isInfinite(f) && !Double.isInfinite(v)) {
            return v > 0 ? Float.MAX_VALUE : -Float.MAX_VALUE;
        }
        return f;
    }

    /**
     * The largest double b such that, for every double v, {@code v <= b} exactly when {@code float32(v) <= t}:
     * rounding to float32 is monotone, so the rows going left form a ray that ends halfway between the largest
     * float32 at most t and the next one, the midpoint itself included when it rounds down (ties go to the even
     * significand).
     */
    static double float32Boundary(double t) {
        float f = (float) t;
        if (f > t) {
            f = Math.nextDown(f);
        }
        if (f >= Float.MAX_VALUE) {
            return Double.POSITIVE_INFINITY;
        }
        float g = Math.nextUp(f);
        double mid = ((double) f + (double) g) / 2;
        boolean tieRoundsDown = (Float.floatToRawIntBits(f) & 1) == 0;
        return tieRoundsDown ? mid : Math.nextDown(mid);
    }

    private void leaf(int node, int n, int depth) {
        feature[node] = -1;
        left[node] = -1;
        value[node] = depth + PathLength.average(n);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private int partition(int[] rows, int lo, int hi, int col, double boundary) {
        int i = lo;
        int j = hi - 1;
        while (i <= j) {
            if (x[rows[i] * cols + col] <= boundary) {
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
