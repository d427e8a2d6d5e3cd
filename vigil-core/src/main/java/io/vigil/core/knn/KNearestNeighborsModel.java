package io.vigil.core.knn;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.DistinctRows;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.neighbors.NeighborIndex;
import io.vigil.core.neighbors.Neighbors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted k-NN distance detector: the indexed training rows and their own scores. Immutable and thread-safe.
 *
 * <p>{@link #score(Matrix)} treats rows as new points, so a training row scored that way finds itself at distance
 * 0 (PyOD's {@code decision_function} does the same). For "fit on all rows, score all rows" (PyOD's
 * {@code decision_scores_}), {@code score} returns {@link #trainingScores()} when handed the very matrix the model
 * was fitted on, recognised by its backing array being the same object; any other matrix, even with equal values,
 * is scored as new points.
 */
public final class KNearestNeighborsModel implements FittedDetector {
    static final int STATE_VERSION = 1;

    private final NeighborIndex index;
    private final int k;
    private final DistanceSummary method;
    private final double[] trainingScores;
    private final Map<String, Object> parameters;
    private final int threads;

    KNearestNeighborsModel(NeighborIndex index, int k, DistanceSummary method, double[] trainingScores,
                           Map<String, Object> parameters, int threads) {
        this.index = index;
        this.k = k;
        this.method = method;
        this.trainingScores = trainingScores;
        this.parameters = Map.copyOf(parameters);
        this.threads = threads;
    }

    static KNearestNeighborsModel fromState(DetectorState s) {
        s.requireVersion(KNearestNeighbors.NAME, STATE_VERSION);
        Map<String, Object> params = new LinkedHashMap<>(s.parameters());
        params.remove("fitted_n_neighbors");
        params.remove("features");
        params.remove("rows");
        int k = s.intParameter("fitted_n_neighbors");
        int d = s.intParameter("features");
        int n = s.intParameter("rows");
        DistanceSummary method = DistanceSummary.parse(s.stringParameter("method"));
        double[] training = s.doubles("training");
        double[] scores = s.doubles("training_scores");
        if (n < 2 || d < 1 || k < 1 || k > n - 1 || training.length != (long) n * d || scores.length != n) {
            throw new IllegalArgumentException("knn state arrays do not agree in length");
        }
        NeighborIndex index = NeighborIndex.build(new Matrix(training, n, d));
        return new KNearestNeighborsModel(index, k, method, scores, params, ParallelLoop.defaultThreads());
    }

    @Override
    public String detectorName() {
        return KNearestNeighbors.NAME;
    }

    @Override
    public int features() {
        return index.data().cols();
    }

    /** The neighbours per row actually used: min(n_neighbors, training rows - 1). */
    public int neighbors() {
        return k;
    }

    public DistanceSummary method() {
        return method;
    }

    /** Scores of the training rows with each row excluded from its own neighbours, computed at fit time. */
    public double[] trainingScores() {
        return trainingScores.clone();
    }

    @Override
    public double[] score(Matrix rows) {
        if (rows.cols() != features()) {
            throw new IllegalArgumentException(
                    "rows have " + rows.cols() + " features, the model expects " + features());
        }
        Matrix training = index.data();
        if (rows.values() == training.values() && rows.rows() == training.rows()) {
            return trainingScores.clone();
        }
        if (rows.rows() == 0) {
            return new double[0];
        }
        // Equal rows have equal neighbours: search once per distinct row (61% of KDD-99 http rows repeat).
        DistinctRows distinct = DistinctRows.of(rows);
        double[] scores = summarise(index.query(distinct.unique(), k, false, threads), method);
        return distinct.unique() == rows ? scores : distinct.expand(scores);
    }

    static double[] summarise(Neighbors nb, DistanceSummary method) {
        double[] out = new double[nb.rows()];
        double[] dist = nb.distances();
        int k = nb.k();
        for (int i = 0; i < out.length; i++) {
            out[i] = method.summarise(dist, i * k, k);
        }
        return out;
    }

    @Override
    public DetectorState state() {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put("fitted_n_neighbors", k);
        p.put("features", features());
        p.put("rows", index.data().rows());
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("training", index.data().values());
        arrays.put("training_scores", trainingScores);
        return new DetectorState(KNearestNeighbors.NAME, STATE_VERSION, p, arrays);
    }
}
