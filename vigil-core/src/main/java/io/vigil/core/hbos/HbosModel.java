package io.vigil.core.hbos;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted HBOS model: one histogram per feature, all in flat arrays. Column j has bins
 * {@code binStart[j] .. binStart[j + 1] - 1} and edges {@code binStart[j] + j .. binStart[j + 1] + j}.
 * Immutable and safe to score from many threads; scores are the same whatever the thread count.
 */
public final class HbosModel implements FittedDetector {
    static final int STATE_VERSION = 1;
    /** Rows scored per task. */
    private static final int BLOCK = 4096;
    private static final double LN2 = Math.log(2);

    private final int[] binStart;
    private final double[] edges;
    private final double[] density;
    private final double alpha;
    private final double tol;
    private final Map<String, Object> parameters;
    private final int threads;
    /** -log2(density + alpha) per bin: a dimension's contribution to the score. */
    private final double[] penalty;
    /** The largest penalty of each column, given to values well outside its histogram. */
    private final double[] outsidePenalty;

    HbosModel(int[] binStart, double[] edges, double[] density, double alpha, double tol,
              Map<String, Object> parameters, int threads) {
        this.binStart = binStart;
        this.edges = edges;
        this.density = density;
        this.alpha = alpha;
        this.tol = tol;
        this.parameters = Map.copyOf(parameters);
        this.threads = threads;
        int d = binStart.length - 1;
        this.penalty = new double[density.length];
        this.outsidePenalty = new double[d];
        for (int j = 0; j < d; j++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int k = binStart[j]; k < binStart[j + 1]; k++) {
                penalty[k] = -(Math.log(density[k] + alpha) / LN2);
                worst = Math.max(worst, penalty[k]);
            }
            outsidePenalty[j] = worst;
        }
    }

    static HbosModel fromState(DetectorState s) {
        s.requireVersion(Hbos.NAME, STATE_VERSION);
        int[] start = s.ints("bin_start");
        double[] edges = s.doubles("edges");
        double[] density = s.doubles("density");
        int d = s.intParameter("features");
        if (d <= 0 || start.length != d + 1 || start[0] != 0 || start[d] != density.length
                || edges.length != density.length + d) {
            throw new IllegalArgumentException("hbos state arrays do not agree in length");
        }
        for (int j = 0; j < d; j++) {
            if (start[j + 1] <= start[j]) {
                throw new IllegalArgumentException("hbos state has no bins for column " + j);
            }
            for (int e = start[j] + j + 1; e <= start[j + 1] + j; e++) {
                if (!(edges[e - 1] < edges[e])) {
                    throw new IllegalArgumentException("hbos state edges of column " + j + " are not increasing");
                }
            }
        }
        for (double v : density) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("hbos state has a density of " + v);
            }
        }
        Map<String, Object> params = new LinkedHashMap<>(s.parameters());
        params.remove("features");
        double alpha = s.doubleParameter("alpha");
        double tol = s.doubleParameter("tol");
        if (!(alpha > 0 && alpha < 1) || !(tol > 0 && tol < 1)) {
            throw new IllegalArgumentException("hbos state has alpha " + alpha + " and tol " + tol
                    + "; both must be in (0, 1)");
        }
        return new HbosModel(start, edges, density, alpha, tol, params, ParallelLoop.defaultThreads());
    }

    @Override
    public String detectorName() {
        return Hbos.NAME;
    }

    @Override
    public int features() {
        return binStart.length - 1;
    }

    /** Number of bins of {@code column}'s histogram. */
    public int bins(int column) {
        return binStart[column + 1] - binStart[column];
    }

    /** Bin edges of {@code column}'s histogram (a copy). */
    public double[] edges(int column) {
        return java.util.Arrays.copyOfRange(edges, binStart[column] + column, binStart[column + 1] + column + 1);
    }

    /** Bin densities of {@code column}'s histogram (a copy). */
    public double[] density(int column) {
        return java.util.Arrays.copyOfRange(density, binStart[column], binStart[column + 1]);
    }

    @Override
    public double[] score(Matrix rows) {
        double[] scores = new double[rows.rows()];
        evaluate(rows, scores, null);
        return scores;
    }

    /**
     * Each dimension's -log2(density + alpha) for each row (rows x features): the terms whose row sums, in column
     * order, are the scores.
     */
    public Matrix contributions(Matrix rows) {
        double[] scores = new double[rows.rows()];
        double[] terms = new double[rows.rows() * rows.cols()];
        evaluate(rows, scores, terms);
        return new Matrix(terms, rows.rows(), rows.cols());
    }

    private void evaluate(Matrix rows, double[] scores, double[] terms) {
        int d = features();
        if (rows.cols() != d) {
            throw new IllegalArgumentException("rows have " + rows.cols() + " features, the model expects " + d);
        }
        int m = rows.rows();
        double[] x = rows.values();
        for (int p = 0; p < x.length; p++) {
            if (Double.isNaN(x[p])) {
                throw new IllegalArgumentException("row " + p / d + ", column " + p % d + " is NaN");
            }
        }
        int blocks = (m + BLOCK - 1) / BLOCK;
        ParallelLoop.run(threads, blocks, b -> {
            for (int i = b * BLOCK, end = Math.min(m, (b + 1) * BLOCK); i < end; i++) {
                double total = 0;
                for (int j = 0; j < d; j++) {
                    double t = penalty(j, x[i * d + j]);
                    total += t;
                    if (terms != null) {
                        terms[i * d + j] = t;
                    }
                }
                scores[i] = total;
            }
        });
    }

    /**
     * PyOD's lookup ({@code np.digitize(..., right=True)}): a value in (edge[k], edge[k + 1]] takes bin k, so the
     * minimum and values just below it take the first bin, values just above the maximum the last; values outside
     * the edges by more than {@code tol} bin widths take the column's largest penalty.
     */
    private double penalty(int j, double v) {
        int bins = binStart[j + 1] - binStart[j];
        int e0 = binStart[j] + j;
        int lo = 0;
        int hi = bins + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[e0 + mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            double width = edges[e0 + 1] - edges[e0];
            return edges[e0] - v <= width * tol ? penalty[binStart[j]] : outsidePenalty[j];
        }
        if (lo == bins + 1) {
            double width = edges[e0 + bins] - edges[e0 + bins - 1];
            return v - edges[e0 + bins] <= width * tol ? penalty[binStart[j + 1] - 1] : outsidePenalty[j];
        }
        return penalty[binStart[j] + lo - 1];
    }

    public double alpha() {
        return alpha;
    }

    public double tol() {
        return tol;
    }

    @Override
    public DetectorState state() {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put("alpha", alpha);
        p.put("tol", tol);
        p.put("features", features());
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("bin_start", binStart);
        arrays.put("edges", edges);
        arrays.put("density", density);
        return new DetectorState(Hbos.NAME, STATE_VERSION, p, arrays);
    }
}
