package io.vigil.core.explain;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.FittedDetector;

/**
 * Model-agnostic occlusion (Zeiler and Fergus, "Visualizing and Understanding Convolutional Networks", ECCV 2014,
 * applied to tabular rows): feature j's credit is the drop in the raw score when x_j alone is replaced by its training
 * median, max(0, s(x) - s(x with x_j = median_j)). A feature whose typical value would make the row score higher gets
 * nothing. Each row and its d occluded copies are scored together, in as few calls to the detector as memory allows,
 * so detectors that batch (neighbour searches, dense layers) do so; the original rows are scored in the same call as
 * their copies because some detectors treat a batch's rows as new points, not as their training rows.
 */
final class OcclusionAttribution implements Attribution {
    /** Cells of one occluded batch: about 32 MiB of doubles. */
    private static final long MAX_CELLS = 1L << 22;

    private final FittedDetector detector;
    private final double[] medians;
    private final int threads;

    OcclusionAttribution(FittedDetector detector, double[] medians, int threads) {
        this.detector = detector;
        this.medians = medians.clone();
        this.threads = threads;
    }

    @Override
    public double[] credits(Matrix rows) {
        int n = rows.rows();
        int d = medians.length;
        int copies = d + 1;
        int chunk = (int) Math.max(1, Math.min(n, MAX_CELLS / ((long) copies * d)));
        double[] x = rows.values();
        double[] out = new double[n * d];
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            int first = from;
            double[] batch = new double[m * copies * d];
            ParallelLoop.run(threads, m, r -> {
                int src = (first + r) * d;
                int dst = r * copies * d;
                for (int c = 0; c < copies; c++, dst += d) {
                    System.arraycopy(x, src, batch, dst, d);
                    if (c > 0) {
                        batch[dst + c - 1] = medians[c - 1];
                    }
                }
            });
            double[] s = detector.score(new Matrix(batch, m * copies, d));
            for (int r = 0; r < m; r++) {
                double original = s[r * copies];
                int base = (from + r) * d;
                for (int j = 0; j < d; j++) {
                    double drop = original - s[r * copies + 1 + j];
                    out[base + j] = drop > 0 ? drop : 0.0;
                }
            }
        }
        return out;
    }
}
