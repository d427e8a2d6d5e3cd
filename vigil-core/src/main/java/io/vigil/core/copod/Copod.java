package io.vigil.core.copod;

import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.ecdf.TailDetector;
import io.vigil.core.ecdf.TailRule;

/**
 * COPOD (Li, Zhao, Botta, Ionescu and Hu, ICDM 2020): the empirical copula of the training data gives each value its
 * left tail probability F_left(x_j) (the ECDF of the column) and right tail probability F_right(x_j) (the ECDF of the
 * negated column); l = -log F_left and r = -log F_right. By default, as in PyOD, a row's score is the sum over
 * dimensions of max(skewness-corrected, (l + r) / 2), the skewness-corrected score taking the tail the column's
 * skewness points to; with {@code aggregation=paper} it is the paper's max(p_l, p_r, p_s) of whole-row sums.
 *
 * <p>Parameter-free apart from that choice; the implementation, shared with the other tail detector, is
 * {@link TailDetector} (see {@link io.vigil.core.ecdf.TailModel} for why scoring deliberately differs from PyOD's
 * {@code decision_function}).
 */
public final class Copod {
    public static final String NAME = TailRule.COPOD.detectorName();

    public static final DetectorFactory FACTORY = TailDetector.factory(TailRule.COPOD,
            "COPOD (Li et al. 2020): tail probabilities of the empirical copula, parameter-free");

    private Copod() {
    }

    /** A validating builder of the detector; {@code build()} checks every field. */
    public static TailDetector.Builder builder() {
        return TailDetector.builder(TailRule.COPOD);
    }
}
