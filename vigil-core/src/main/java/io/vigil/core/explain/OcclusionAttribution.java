package io.vigil.core.explain;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.FittedDetector;

/**
 * Model-agnostic attribution by occlusion against the training medians. With v(S) the raw score of the row whose
 * features in S keep their values and the rest take their medians, feature j's credit is
 * max(0, ((v(N) - v(N \ {j})) + (v({j}) - v(∅))) / 2): the Shapley value's average over the two orderings in which
 * j comes last and first (Štrumbelj and Kononenko, "Explaining prediction models and individual predictions with
 * feature contributions", Knowledge and Information Systems 41, 2014). The first term alone is plain occlusion
 * (Zeiler and Fergus, ECCV 2014); it misses features that are each enough on their own, as when a row is far out
 * in two features and a max-combining ensemble stays alarmed while either one remains. The second term sees
 * those. The occluded and kept-alone copies are scored in as few calls to the detector as a bounded batch allows,
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
        double empty = detector.score(new Matrix(medians.clone(), 1, d))[0];
        // Copy u = i * d + j is row i with feature j occluded (or kept alone), so its credit lands at out[u].
        long copies = (long) n * d;
        double[] out = new double[n * d];
        int batch = (int) Math.max(1, Math.min(copies, maxCells / (2L * d)));
        for (int from = 0; from < copies; from += batch) {
            int first = from;
            int m = (int) Math.min(batch, copies - from);
            double[] occluded = new double[m * d];
            double[] alone = new double[m * d];
            ParallelLoop.run(threads, m, c -> {
                int u = first + c;
                int j = u % d;
                System.arraycopy(x, (u / d) * d, occluded, c * d, d);
                occluded[c * d + j] = medians[j];
                System.arraycopy(medians, 0, alone, c * d, d);
                alone[c * d + j] = x[u];
            });
            double[] withoutJ = detector.score(new Matrix(occluded, m, d));
            double[] onlyJ = detector.score(new Matrix(alone, m, d));
            for (int c = 0; c < m; c++) {
                double credit = ((original[(first + c) / d] - withoutJ[c]) + (onlyJ[c] - empty)) / 2;
                out[first + c] = credit > 0 ? credit : 0.0;
            }
        }
        return out;
    }
}
