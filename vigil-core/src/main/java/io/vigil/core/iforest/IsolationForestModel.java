package io.vigil.core.iforest;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.DistinctRows;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted isolation forest. All trees live in three flat arrays indexed by node: the split feature (-1 at a
 * leaf), the left child (the right child is the next node) and the split threshold or, at a leaf, the final path
 * length. {@code treeStart[t]} is the root of tree t. Immutable and safe to score from many threads.
 */
public final class IsolationForestModel implements FittedDetector {
    static final int STATE_VERSION = 1;
    /** Rows scored together: a block's path sums stay in cache while every tree walks it. */
    private static final int BLOCK = 512;

    private final int[] treeStart;
    private final int[] feature;
    private final int[] left;
    private final double[] value;
    private final int sampleSize;
    private final int features;
    private final int maxDepth;
    private final Map<String, Object> parameters;
    private final int threads;
    private final CompleteForest complete;

    private IsolationForestModel(int[] treeStart, int[] feature, int[] left, double[] value, int sampleSize,
                                 int features, int maxDepth, Map<String, Object> parameters, int threads) {
        this.treeStart = treeStart;
        this.feature = feature;
        this.left = left;
        this.value = value;
        this.sampleSize = sampleSize;
        this.features = features;
        this.maxDepth = maxDepth;
        this.parameters = Map.copyOf(parameters);
        this.threads = threads;
        this.complete = CompleteForest.of(treeStart, feature, left, value, maxDepth);
    }

    static IsolationForestModel assemble(TreeGrower.Tree[] trees, int sampleSize, int features, int maxDepth,
                                         Map<String, Object> parameters, int threads) {
        int total = 0;
        int[] start = new int[trees.length + 1];
        for (int t = 0; t < trees.length; t++) {
            start[t] = total;
            total += trees[t].feature().length;
        }
        start[trees.length] = total;
        int[] feature = new int[total];
        int[] left = new int[total];
        double[] value = new double[total];
        for (int t = 0; t < trees.length; t++) {
            TreeGrower.Tree tree = trees[t];
            int off = start[t];
            int len = tree.feature().length;
            System.arraycopy(tree.feature(), 0, feature, off, len);
            System.arraycopy(tree.value(), 0, value, off, len);
            for (int i = 0; i < len; i++) {
                left[off + i] = tree.left()[i] < 0 ? -1 : tree.left()[i] + off;
            }
        }
        return new IsolationForestModel(start, feature, left, value, sampleSize, features, maxDepth, parameters,
                threads);
    }

    static IsolationForestModel fromState(DetectorState s) {
        s.requireVersion(IsolationForest.NAME, STATE_VERSION);
        Map<String, Object> params = new LinkedHashMap<>(s.parameters());
        params.remove("fitted_sample_size");
        params.remove("features");
        params.remove("max_depth");
        int[] start = s.ints("tree_start");
        int[] feature = s.ints("feature");
        int[] left = s.ints("left");
        double[] value = s.doubles("value");
        int features = s.intParameter("features");
        if (feature.length != left.length || feature.length != value.length
                || start.length < 2 || start[start.length - 1] != feature.length) {
            throw new IllegalArgumentException("isolation_forest state arrays do not agree in length");
        }
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] >= features || (feature[i] >= 0 && (left[i] <= i || left[i] + 1 >= feature.length))) {
                throw new IllegalArgumentException("isolation_forest state has a broken node at " + i);
            }
        }
        return new IsolationForestModel(start, feature, left, value, s.intParameter("fitted_sample_size"),
                features, s.intParameter("max_depth"), params, ParallelLoop.defaultThreads());
    }

    @Override
    public String detectorName() {
        return IsolationForest.NAME;
    }

    @Override
    public int features() {
        return features;
    }

    public int trees() {
        return treeStart.length - 1;
    }

    /** The subsample size each tree was grown on, psi. */
    public int sampleSize() {
        return sampleSize;
    }

    @Override
    public double[] score(Matrix rows) {
        if (rows.cols() != features) {
            throw new IllegalArgumentException("rows have " + rows.cols() + " features, the model expects " + features);
        }
        DistinctRows distinct = DistinctRows.of(rows);
        Matrix unique = distinct.unique();
        int n = unique.rows();
        double[] out = new double[n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        double norm = -1.0 / (trees() * PathLength.average(sampleSize));
        double[] x = unique.values();
        ParallelLoop.run(threads, blocks, b -> {
            int from = b * BLOCK;
            int to = Math.min(n, from + BLOCK);
            if (complete != null) {
                complete.accumulate(x, features, from, to, out);
            } else {
                pointerPathSums(x, from, to, out);
            }
        });
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(2.0, out[i] * norm);
        }
        return unique == rows ? out : distinct.expand(out);
    }

    /** Sums the path lengths of rows [from, to) over all trees, trees in the outer loop to keep each in cache. */
    void pointerPathSums(double[] x, int from, int to, double[] sums) {
        int d = features;
        int[] feature = this.feature;
        int[] left = this.left;
        double[] value = this.value;
        for (int t = 0, trees = trees(); t < trees; t++) {
            int root = treeStart[t];
            for (int i = from; i < to; i++) {
                int base = i * d;
                int node = root;
                int f;
                while ((f = feature[node]) >= 0) {
                    node = x[base + f] > value[node] ? left[node] + 1 : left[node];
                }
                sums[i] += value[node];
            }
        }
    }

    /** Mean path length of each row over the trees: E[h(x)] in the paper. */
    public double[] meanPathLength(Matrix rows) {
        double[] s = score(rows);
        double c = PathLength.average(sampleSize);
        for (int i = 0; i < s.length; i++) {
            s[i] = -Math.log(s[i]) / Math.log(2.0) * c;
        }
        return s;
    }

    @Override
    public DetectorState state() {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put("fitted_sample_size", sampleSize);
        p.put("features", features);
        p.put("max_depth", maxDepth);
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("tree_start", treeStart);
        arrays.put("feature", feature);
        arrays.put("left", left);
        arrays.put("value", value);
        return new DetectorState(IsolationForest.NAME, STATE_VERSION, p, arrays);
    }

    // Views for explanations (io.vigil.core.explain walks each tree's path). Copies, so the model stays immutable.

    /** The root node of each tree; entry {@code trees()} is the total node count. A copy. */
    public int[] treeStart() {
        return treeStart.clone();
    }

    /** The split feature of each node, -1 at a leaf. A copy. */
    public int[] featureArray() {
        return feature.clone();
    }

    /** The left child of each internal node (the right child is the next node), -1 at a leaf. A copy. */
    public int[] leftArray() {
        return left.clone();
    }

    /** The split threshold of each internal node (rows above it go right), the path length at a leaf. A copy. */
    public double[] valueArray() {
        return value.clone();
    }

    /** The height limit the trees were grown with, ceil(log2(sampleSize)). */
    public int maxDepth() {
        return maxDepth;
    }
}
