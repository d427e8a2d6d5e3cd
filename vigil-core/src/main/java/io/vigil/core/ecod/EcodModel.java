package io.vigil.core.ecod;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.ecdf.TailAggregation;
import io.vigil.core.ecdf.TailModel;
import io.vigil.core.ecdf.TailProbabilities;
import io.vigil.core.ecdf.TailRule;

/**
 * A fitted ECOD model: the sorted training columns and their skewness signs. Immutable and safe to score from many
 * threads; scores are the same whatever the thread count.
 */
public final class EcodModel implements FittedDetector {
    static final int STATE_VERSION = 1;

    private final TailModel model;

    EcodModel(TailModel model) {
        this.model = model;
    }

    static EcodModel fromState(DetectorState s) {
        s.requireVersion(Ecod.NAME, STATE_VERSION);
        return new EcodModel(TailModel.fromState(s, TailRule.ECOD, ParallelLoop.defaultThreads()));
    }

    @Override
    public String detectorName() {
        return Ecod.NAME;
    }

    @Override
    public int features() {
        return model.features();
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
        return model.state(Ecod.NAME, STATE_VERSION);
    }
}
