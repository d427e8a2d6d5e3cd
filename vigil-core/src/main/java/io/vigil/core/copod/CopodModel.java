package io.vigil.core.copod;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.ecdf.TailAggregation;
import io.vigil.core.ecdf.TailModel;
import io.vigil.core.ecdf.TailProbabilities;
import io.vigil.core.ecdf.TailRule;

/**
 * A fitted COPOD model: the sorted training columns and their skewness signs. Immutable and safe to score from many
 * threads; scores are the same whatever the thread count.
 */
public final class CopodModel implements FittedDetector {
    static final int STATE_VERSION = 1;

    private final TailModel model;

    CopodModel(TailModel model) {
        this.model = model;
    }

    static CopodModel fromState(DetectorState s) {
        s.requireVersion(Copod.NAME, STATE_VERSION);
        return new CopodModel(TailModel.fromState(s, TailRule.COPOD, ParallelLoop.defaultThreads()));
    }

    @Override
    public String detectorName() {
        return Copod.NAME;
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
        return model.state(Copod.NAME, STATE_VERSION);
    }
}
