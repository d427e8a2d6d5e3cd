package io.vigil.core.ecdf;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted tail-probability outlier model: training distributions plus the rule that turns a row's left and right
 * tail probabilities into its score. ECOD and COPOD are this model with different {@link TailRule}s.
 *
 * <p>Rows are scored against the training distributions only. PyOD's {@code decision_function} instead refits the
 * ECDFs on the training rows concatenated with the rows being scored, so a row's score there depends on the batch it
 * came with; here a fitted model never changes with what it scores. Scoring the training rows themselves gives
 * PyOD's training scores ({@code decision_scores_}).
 *
 * <p>Immutable and safe to score from many threads. Results do not depend on the thread count: counts are exact
 * per value, and each row sums its dimensions in column order.
 */
public final class TailModel {
    /** Rows per task: enough to amortise the scratch arrays, few enough to balance the threads. */
    private static final int BLOCK = 2048;

    private final EmpiricalCdf cdf;
    private final TailRule rule;
    private final TailAggregation aggregation;
    private final int[] skewSigns;
    private final int threads;

    public TailModel(EmpiricalCdf cdf, TailRule rule, TailAggregation aggregation, int threads) {
        this.cdf = Objects.requireNonNull(cdf, "cdf");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.aggregation = Objects.requireNonNull(aggregation, "aggregation");
        this.skewSigns = cdf.skewSigns();
        this.threads = Math.max(1, threads);
    }

    public EmpiricalCdf cdf() {
        return cdf;
    }

    public TailRule rule() {
        return rule;
    }

    public TailAggregation aggregation() {
        return aggregation;
    }

    public int features() {
        return cdf.features();
    }

    /**
     * The portable state: the aggregation, the training size, the sorted training columns and the skewness signs.
     * The caller checks the detector name and version.
     */
    public DetectorState state(String detector, int version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("aggregation", aggregation.label());
        p.put("rows", cdf.rows());
        p.put("features", cdf.features());
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("sorted_columns", cdf.sortedColumns());
        arrays.put("skew_signs", cdf.skewSigns());
        return new DetectorState(detector, version, p, arrays);
    }

    /** Rebuilds a model from {@link #state(String, int)}, validating the arrays. */
    public static TailModel fromState(DetectorState s, TailRule rule, int threads) {
        EmpiricalCdf cdf = EmpiricalCdf.of(s.doubles("sorted_columns"), s.intParameter("rows"),
                s.intParameter("features"), s.ints("skew_signs"));
        return new TailModel(cdf, rule, TailAggregation.parse(s.stringParameter("aggregation")), threads);
    }

    /** One score per row, higher = more anomalous: the sum of the row's {@link #contributions(Matrix)}. */
    public double[] score(Matrix rows) {
        double[] scores = new double[rows.rows()];
        evaluate(rows, scores, null);
        return scores;
    }

    /**
     * Each dimension's share of each row's score (rows x features), for explanations: per dimension, the
     * {@link TailRule} score under {@link TailAggregation#PYOD}; under {@link TailAggregation#PAPER}, the terms of
     * whichever of the left, right and skewness-corrected sums won for that row. A row's entries, added in column
     * order, give exactly its score.
     */
    public Matrix contributions(Matrix rows) {
        double[] scores = new double[rows.rows()];
        double[] terms = new double[rows.rows() * rows.cols()];
        evaluate(rows, scores, terms);
        return new Matrix(terms, rows.rows(), rows.cols());
    }

    /** F_left and F_right of every value of {@code rows} under the training distributions. */
    public TailProbabilities tailProbabilities(Matrix rows) {
        int m = rows.rows();
        int d = requireFeatures(rows);
        int[][] counts = count(rows);
        double[] left = new double[m * d];
        double[] right = new double[m * d];
        ParallelLoop.run(threads, m, i -> {
            for (int j = 0; j < d; j++) {
                left[i * d + j] = cdf.probability(counts[0][j * m + i]);
                right[i * d + j] = cdf.probability(counts[1][j * m + i]);
            }
        });
        return new TailProbabilities(new Matrix(left, m, d), new Matrix(right, m, d));
    }

    private int requireFeatures(Matrix rows) {
        if (rows.cols() != cdf.features()) {
            throw new IllegalArgumentException("rows have " + rows.cols() + " features, the model expects "
                    + cdf.features());
        }
        EmpiricalCdf.requireNoNaN(rows);
        return rows.cols();
    }

    /** Column-major tail counts, column by column in parallel: [0] values at most x, [1] values at least x. */
    private int[][] count(Matrix rows) {
        int m = rows.rows();
        int d = rows.cols();
        int[] atMost = new int[m * d];
        int[] atLeast = new int[m * d];
        ParallelLoop.run(threads, d, j -> cdf.countTails(rows, j, atMost, atLeast, j * m));
        return new int[][] {atMost, atLeast};
    }

    private void evaluate(Matrix rows, double[] scores, double[] terms) {
        requireFeatures(rows);
        int m = rows.rows();
        int[][] counts = count(rows);
        int blocks = (m + BLOCK - 1) / BLOCK;
        ParallelLoop.run(threads, blocks, b -> evaluateBlock(counts[0], counts[1], m, b * BLOCK,
                Math.min(m, (b + 1) * BLOCK), scores, terms));
    }

    private void evaluateBlock(int[] atMost, int[] atLeast, int m, int from, int to, double[] scores,
                               double[] terms) {
        int d = cdf.features();
        double[] left = new double[d];
        double[] right = new double[d];
        double[] row = new double[d];
        for (int i = from; i < to; i++) {
            double total;
            if (aggregation == TailAggregation.PYOD) {
                total = 0;
                for (int j = 0; j < d; j++) {
                    row[j] = rule.fromProbabilities(cdf.probability(atMost[j * m + i]),
                            cdf.probability(atLeast[j * m + i]), skewSigns[j]);
                    total += row[j];
                }
            } else {
                for (int j = 0; j < d; j++) {
                    left[j] = 0.0 - Math.log(cdf.probability(atMost[j * m + i]));
                    right[j] = 0.0 - Math.log(cdf.probability(atLeast[j * m + i]));
                }
                total = perRow(left, right, row);
            }
            scores[i] = total;
            if (terms != null) {
                System.arraycopy(row, 0, terms, i * d, d);
            }
        }
    }

    /** The papers' max over whole-row sums; the winning vector goes to {@code row}. */
    private double perRow(double[] left, double[] right, double[] row) {
        double sumLeft = 0;
        double sumRight = 0;
        double sumAuto = 0;
        for (int j = 0; j < row.length; j++) {
            sumLeft += left[j];
            sumRight += right[j];
            sumAuto += skewSigns[j] < 0 ? left[j] : right[j];
        }
        if (sumLeft >= sumRight && sumLeft >= sumAuto) {
            System.arraycopy(left, 0, row, 0, row.length);
            return sumLeft;
        }
        if (sumRight >= sumAuto) {
            System.arraycopy(right, 0, row, 0, row.length);
            return sumRight;
        }
        for (int j = 0; j < row.length; j++) {
            row[j] = skewSigns[j] < 0 ? left[j] : right[j];
        }
        return sumAuto;
    }
}
