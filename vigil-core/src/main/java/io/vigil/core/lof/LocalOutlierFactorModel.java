package io.vigil.core.lof;

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
 * A fitted Local Outlier Factor: the training rows (indexed for neighbour search), their k-distances, their local
 * reachability densities and their own LOF scores. Immutable and safe to score from many threads.
 *
 * <p>{@link #score(Matrix)} treats rows as new points (scikit-learn's novelty mode): their neighbours are found
 * among all training rows, so a training row scored this way finds itself at distance 0. The usual protocol,
 * "fit on all rows, score all rows" (scikit-learn's {@code negative_outlier_factor_}), needs the self-excluded
 * scores instead, so {@code score} returns {@link #trainingScores()} when handed the very matrix the model was
 * fitted on, recognised by its backing array being the same object. Any other matrix, even one with equal values
 * (or the original one after the model was restored from state), is scored as new points.
 */
public final class LocalOutlierFactorModel implements FittedDetector {
    static final int STATE_VERSION = 1;
    private static final int BLOCK = 1024;

    private final NeighborIndex index;
    private final int k;
    private final double[] kDistance;
    private final double[] lrd;
    private final double[] trainingScores;
    private final Map<String, Object> parameters;
    private final int threads;

    LocalOutlierFactorModel(NeighborIndex index, int k, double[] kDistance, double[] lrd, double[] trainingScores,
                            Map<String, Object> parameters, int threads) {
        this.index = index;
        this.k = k;
        this.kDistance = kDistance;
        this.lrd = lrd;
        this.trainingScores = trainingScores;
        this.parameters = Map.copyOf(parameters);
        this.threads = threads;
    }

    static LocalOutlierFactorModel fromState(DetectorState s) {
        s.requireVersion(LocalOutlierFactor.NAME, STATE_VERSION);
        Map<String, Object> params = new LinkedHashMap<>(s.parameters());
        params.remove("fitted_n_neighbors");
        params.remove("features");
        params.remove("rows");
        int k = s.intParameter("fitted_n_neighbors");
        int d = s.intParameter("features");
        int n = s.intParameter("rows");
        double[] training = s.doubles("training");
        double[] kDistance = s.doubles("k_distance");
        double[] lrd = s.doubles("lrd");
        double[] scores = s.doubles("training_scores");
        if (n < 2 || d < 1 || k < 1 || k > n - 1 || training.length != (long) n * d || kDistance.length != n
                || lrd.length != n || scores.length != n) {
            throw new IllegalArgumentException("local_outlier_factor state arrays do not agree in length");
        }
        NeighborIndex index = NeighborIndex.build(new Matrix(training, n, d));
        return new LocalOutlierFactorModel(index, k, kDistance, lrd, scores, params, ParallelLoop.defaultThreads());
    }

    @Override
    public String detectorName() {
        return LocalOutlierFactor.NAME;
    }

    @Override
    public int features() {
        return index.data().cols();
    }

    /** The neighbours per row actually used: min(n_neighbors, training rows - 1). */
    public int neighbors() {
        return k;
    }

    /** LOF of every training row with itself excluded from its neighbours, computed at fit time. */
    public double[] trainingScores() {
        return trainingScores.clone();
    }

    /** Distance from every training row to its k-th nearest other training row. */
    public double[] kDistances() {
        return kDistance.clone();
    }

    /** Local reachability density of every training row. */
    public double[] localReachabilityDensities() {
        return lrd.clone();
    }

    /**
     * LOF of each row against the training rows; see the class comment for the matrix the model was fitted on,
     * which gets {@link #trainingScores()}.
     */
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
        // Equal rows have equal neighbourhoods: search once per distinct row.
        DistinctRows distinct = DistinctRows.of(rows);
        Neighbors nb = index.query(distinct.unique(), k, false, threads);
        double[] queryLrd = reachabilityDensity(nb, kDistance, threads);
        double[] scores = outlierFactor(nb, lrd, queryLrd, threads);
        return distinct.unique() == rows ? scores : distinct.expand(scores);
    }

    /** lrd(a) = 1 / (mean over a's neighbours b of max(k-distance(b), d(a, b)) + 1e-10). */
    static double[] reachabilityDensity(Neighbors nb, double[] kDistance, int threads) {
        int n = nb.rows();
        int k = nb.k();
        int[] idx = nb.indices();
        double[] dist = nb.distances();
        double[] out = new double[n];
        ParallelLoop.run(threads, (n + BLOCK - 1) / BLOCK, b -> {
            for (int i = b * BLOCK, to = Math.min(n, i + BLOCK); i < to; i++) {
                double sum = 0;
                for (int j = i * k, end = j + k; j < end; j++) {
                    sum += Math.max(dist[j], kDistance[idx[j]]);
                }
                out[i] = 1.0 / (sum / k + LocalOutlierFactor.DENSITY_GUARD);
            }
        });
        return out;
    }

    /** LOF(a) = mean over a's neighbours b of lrd(b) / lrd(a), ratio by ratio as scikit-learn averages them. */
    static double[] outlierFactor(Neighbors nb, double[] trainingLrd, double[] queryLrd, int threads) {
        int n = nb.rows();
        int k = nb.k();
        int[] idx = nb.indices();
        double[] out = new double[n];
        ParallelLoop.run(threads, (n + BLOCK - 1) / BLOCK, b -> {
            for (int i = b * BLOCK, to = Math.min(n, i + BLOCK); i < to; i++) {
                double own = queryLrd[i];
                double sum = 0;
                for (int j = i * k, end = j + k; j < end; j++) {
                    sum += trainingLrd[idx[j]] / own;
                }
                out[i] = sum / k;
            }
        });
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
        arrays.put("k_distance", kDistance);
        arrays.put("lrd", lrd);
        arrays.put("training_scores", trainingScores);
        return new DetectorState(LocalOutlierFactor.NAME, STATE_VERSION, p, arrays);
    }
}
