package io.vigil.core.ecdf;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;

/**
 * A fitted ECOD or COPOD model: the sorted training columns and their skewness signs. Immutable and safe to score
 * from many threads; scores are the same whatever the thread count.
 */
public final class TailDetectorModel implements FittedDetector {
    static final int STATE_VERSION = 1;

    private final TailModel model;

    TailDetectorModel(TailModel model) {
        this.model = model;
    }

    static TailDetectorModel fromState(DetectorState s, TailRule rule) {
        s.requireVersion(rule.detectorName(), STATE_VERSION);
        return new TailDetectorModel(TailModel.fromState(s, rule, ParallelLoop.defaultThreads()));
    }

    @Override
    public String detectorName() {
        return model.rule().detectorName();
    }

    @Override
    public int features() {
        return model.features();
    }

    public TailRule rule() {
        return model.rule();
    }

    public TailAggregation aggregation() {
        return model.aggregation();
    }

    /** Number of training rows the distributions were estimated from. */
    public int trainingRows() {
        return model.cdf().rows();
    }

    @Override
    public double[] score(Matrix rows) {
        return model.score(rows);
    }

    /** Per-row, per-dimension outlier scores whose row sums are the scores; see {@link TailModel#contributions}. */
    public Matrix contributions(Matrix rows) {
        return model.contributions(rows);
    }

    /** Per-row, per-dimension left and right tail probabilities under the training distributions. */
    public TailProbabilities tailProbabilities(Matrix rows) {
        return model.tailProbabilities(rows);
    }

    @Override
    public DetectorState state() {
        return model.state(detectorName(), STATE_VERSION);
    }
}
