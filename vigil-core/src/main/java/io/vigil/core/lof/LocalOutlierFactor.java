package io.vigil.core.lof;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.neighbors.NeighborIndex;
import io.vigil.core.neighbors.Neighbors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local Outlier Factor (Breunig et al., SIGMOD 2000) with scikit-learn's semantics. With k = min(n_neighbors, n-1):
 * the k-distance of a row is the distance to its k-th nearest other row; reach(a, b) = max(k-distance(b), d(a, b));
 * the local reachability density is lrd(a) = 1 / (mean reach(a, b) over a's k neighbours b + 1e-10); and
 * LOF(a) = mean over neighbours b of lrd(b) / lrd(a). The raw score is LOF itself (scikit-learn's
 * {@code -score_samples}, or {@code -negative_outlier_factor_} for the training rows): about 1 inside a cluster,
 * larger for outliers.
 *
 * <p>Training rows exclude themselves by index, not by distance, so duplicated rows stay each other's neighbours
 * at distance 0 (their lrd is then 1e10 rather than infinite, as in scikit-learn).
 */
public final class LocalOutlierFactor implements Detector {
    public static final String NAME = "local_outlier_factor";
    /** scikit-learn's guard against zero mean reachability distance among duplicates. */
    static final double DENSITY_GUARD = 1e-10;

    public static final DetectorFactory FACTORY = new DetectorFactory() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Local Outlier Factor (Breunig et al. 2000): density relative to the k nearest neighbours";
        }

        @Override
        public Detector create(DetectorParameters p) {
            return builder().threads(p.threads()).neighbors(p.intValue(20, "n_neighbors", "k")).build();
        }

        @Override
        public FittedDetector restore(DetectorState state) {
            return LocalOutlierFactorModel.fromState(state);
        }
    };

    private final int neighbors;
    private final int threads;

    private LocalOutlierFactor(Builder b) {
        this.neighbors = b.neighbors;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n_neighbors", neighbors);
        return m;
    }

    /**
     * Finds every row's neighbours among the others and computes k-distances, densities and the training rows'
     * LOF. The model keeps {@code data}'s backing array (not a copy) to score new rows.
     */
    @Override
    public LocalOutlierFactorModel fit(Matrix data) {
        int n = data.rows();
        if (n < 2 || data.cols() == 0) {
            throw new IllegalArgumentException("local outlier factor needs at least 2 rows and 1 column, got "
                    + n + " rows of " + data.cols() + " columns");
        }
        int k = Math.min(neighbors, n - 1);
        NeighborIndex index = NeighborIndex.build(data);
        Neighbors nb = index.query(data, k, true, threads);
        double[] kDistance = new double[n];
        for (int i = 0; i < n; i++) {
            kDistance[i] = nb.kthDistance(i);
        }
        double[] lrd = LocalOutlierFactorModel.reachabilityDensity(nb, kDistance, threads);
        double[] scores = LocalOutlierFactorModel.outlierFactor(nb, lrd, lrd, threads);
        return new LocalOutlierFactorModel(index, k, kDistance, lrd, scores, parameters(), threads);
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private int neighbors = 20;
        private int threads = ParallelLoop.defaultThreads();

        /** Neighbours per row, k; fitting uses min(k, rows - 1) like scikit-learn. */
        public Builder neighbors(int neighbors) {
            this.neighbors = neighbors;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public LocalOutlierFactor build() {
            if (neighbors <= 0) {
                throw new InvalidParameterException("n_neighbors", "neighbors must be greater than 0");
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new LocalOutlierFactor(this);
        }
    }
}
