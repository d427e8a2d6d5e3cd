package io.vigil.core.explain;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.FittedDetector;

/**
 * Model-agnostic occlusion (Zeiler and Fergus, "Visualizing and Understanding Convolutional Networks", ECCV 2014,
 * applied to tabular rows): feature j's credit is the drop in the raw score when x_j alone is replaced by its training
 * median, max(0, s(x) - s(x with x_j = median_j)). A feature whose typical value would make the row score higher gets
 * nothing. The rows x features occluded copies are scored in as few calls to the detector as a bounded batch allows,
 * so detectors that batch their work (neighbour searches, dense layers) do so.
 */
final class OcclusionAttribution implements Attribution {
    /** Cells of one occluded batch by default: about 32 MiB of doubles. */
    static final long MAX_CELLS = 1L << 22;

    private final FittedDetector detector;
    private final double[] medians;
    private final int threads;
    private final long maxCells;

    OcclusionAttribution(FittedDetector detector, double[] medians, int threads) {
        this(detector, medians, threads, MAX_CELLS);
    }

    OcclusionAttribution(FittedDetector detector, double[] medians, int threads, long maxCells) {
        this.detector = detector;
        this.medians = medians.clone();
        this.threads = threads;
        this.maxCells = maxCells;
    }

    @Override
    public double[] credits(Matrix rows) {
        int n = rows.rows();
        int d = medians.length;
        double[] x = rows.values();
        double[] original = detector.score(rows);
        // Copy u = i * d + j is row i with feature j occluded, so its drop lands at out[u], row-major as required.
        long copies = (long) n * d;
        double[] out = new double[n * d];
        int batch = (int) Math.max(1, Math.min(copies, maxCells / d));
        for (int from = 0; from < copies; from += batch) {
            int first = from;
            int m = (int) Math.min(batch, copies - from);
            double[] occluded = new double[m * d];
            ParallelLoop.run(threads, m, c -> {
                int u = first + c;
                System.arraycopy(x, (u / d) * d, occluded, c * d, d);
                occluded[c * d + u % d] = medians[u % d];
            });
            double[] s = detector.score(new Matrix(occluded, m, d));
            for (int c = 0; c < m; c++) {
                double drop = original[(first + c) / d] - s[c];
                out[first + c] = drop > 0 ? drop : 0.0;
            }
        }
        return out;
    }
}
