package io.vigil.core.knn;

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
 * k-NN distance outlier detection (Ramaswamy, Rastogi and Shim, SIGMOD 2000) with PyOD's {@code KNN} semantics:
 * the raw score of a row is the distance to its k-th nearest neighbour ({@code method=largest}, default k = 5), or
 * the mean or median distance to its k nearest. Training rows exclude themselves by index, so duplicates score 0.
 * Where PyOD refuses k >= rows, k is capped at rows - 1, as scikit-learn's LOF does.
 */
public final class KNearestNeighbors implements Detector {
    public static final String NAME = "knn";

    public static final DetectorFactory FACTORY = new DetectorFactory() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "k-nearest-neighbour distance (Ramaswamy et al. 2000): far from its neighbours means anomalous";
        }

        @Override
        public Detector create(DetectorParameters p) {
            return builder().threads(p.threads())
                    .neighbors(p.intValue(5, "n_neighbors", "k"))
                    .method(DistanceSummary.parse(p.stringValue("largest", "method")))
                    .build();
        }

        @Override
        public FittedDetector restore(DetectorState state) {
            return KNearestNeighborsModel.fromState(state);
        }
    };

    private final int neighbors;
    private final DistanceSummary method;
    private final int threads;

    private KNearestNeighbors(Builder b) {
        this.neighbors = b.neighbors;
        this.method = b.method;
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
        m.put("method", method.parameterName());
        return m;
    }

    /** Scores the training rows against the others; the model keeps {@code data}'s backing array to score new rows. */
    @Override
    public KNearestNeighborsModel fit(Matrix data) {
        int n = data.rows();
        if (n < 2 || data.cols() == 0) {
            throw new IllegalArgumentException("knn needs at least 2 rows and 1 column, got "
                    + n + " rows of " + data.cols() + " columns");
        }
        int k = Math.min(neighbors, n - 1);
        NeighborIndex index = NeighborIndex.build(data);
        Neighbors nb = index.query(data, k, true, threads);
        return new KNearestNeighborsModel(index, k, method, KNearestNeighborsModel.summarise(nb, method),
                parameters(), threads);
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private int neighbors = 5;
        private DistanceSummary method = DistanceSummary.LARGEST;
        private int threads = ParallelLoop.defaultThreads();

        /** Neighbours per row, k; fitting uses min(k, rows - 1). */
        public Builder neighbors(int neighbors) {
            this.neighbors = neighbors;
            return this;
        }

        public Builder method(DistanceSummary method) {
            this.method = method;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public KNearestNeighbors build() {
            if (neighbors <= 0) {
                throw new InvalidParameterException("n_neighbors", "neighbors must be greater than 0");
            }
            if (method == null) {
                throw new InvalidParameterException("method", "method must be largest, mean or median");
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new KNearestNeighbors(this);
        }
    }
}
