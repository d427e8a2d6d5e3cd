package io.vigil.core.explain;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.iforest.IsolationForestModel;

/**
 * Local-DIFFI (Carletti, Terzi and Susto, "Interpretable Anomaly Detection with DIFFI: Depth-based Feature
 * Importance of Isolation Forest", Engineering Applications of Artificial Intelligence 119, 2023, section 4.2),
 * as the authors' {@code local_diffi} computes it. In every tree the row's path ends in a leaf at depth h (the number
 * of splits taken); each split on the path credits its feature with 1/h - 1/h_max, where h_max = ceil(log2(psi)) is
 * the height limit. A path only earns credit by being shorter than the deepest a tree can go, and the shorter, the
 * more: splits that isolate the row early are what made it anomalous. A feature's importance is its credit summed
 * over all trees divided by the number of splits on it along the row's paths, so a feature is not favoured merely
 * for being split on often.
 */
final class PathDepthAttribution implements Attribution {
    /** Rows per task: per-task buffers are reused across a block's rows. */
    private static final int BLOCK = 64;

    private final int[] treeStart;
    private final int[] feature;
    private final int[] left;
    private final double[] value;
    private final int maxDepth;
    private final int features;
    private final int threads;

    PathDepthAttribution(IsolationForestModel model, int threads) {
        this.treeStart = model.treeStart();
        this.feature = model.featureArray();
        this.left = model.leftArray();
        this.value = model.valueArray();
        this.maxDepth = model.maxDepth();
        this.features = model.features();
        this.threads = threads;
    }

    @Override
    public double[] credits(Matrix rows) {
        int n = rows.rows();
        int d = features;
        double[] x = rows.values();
        double[] out = new double[n * d];
        int trees = treeStart.length - 1;
        double floor = 1.0 / Math.max(1, maxDepth);
        int blocks = (n + BLOCK - 1) / BLOCK;
        ParallelLoop.run(threads, blocks, b -> {
            int[] splits = new int[d];
            int[] path = new int[Math.max(1, maxDepth)];
            for (int i = b * BLOCK, end = Math.min(n, (b + 1) * BLOCK); i < end; i++) {
                java.util.Arrays.fill(splits, 0);
                int base = i * d;
                for (int t = 0; t < trees; t++) {
                    int node = treeStart[t];
                    int h = 0;
                    int f;
                    while ((f = feature[node]) >= 0) {
                        if (h == path.length) {
                            path = java.util.Arrays.copyOf(path, 2 * h); // a restored tree deeper than its limit
                        }
                        path[h++] = f;
                        node = x[base + f] > value[node] ? left[node] + 1 : left[node];
                    }
                    if (h == 0) {
                        continue; // a tree that is one leaf splits on nothing
                    }
                    double credit = 1.0 / h - floor;
                    for (int s = 0; s < h; s++) {
                        out[base + path[s]] += credit;
                        splits[path[s]]++;
                    }
                }
                for (int j = 0; j < d; j++) {
                    out[base + j] = splits[j] == 0 ? 0.0 : Math.max(0.0, out[base + j] / splits[j]);
                }
            }
        });
        return out;
    }
}
