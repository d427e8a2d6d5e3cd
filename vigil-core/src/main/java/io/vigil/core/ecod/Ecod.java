package io.vigil.core.ecod;

import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.ecdf.TailDetector;
import io.vigil.core.ecdf.TailRule;

/**
 * ECOD (Li, Zhao, Hu, Botta, Ionescu and Chen, IEEE TKDE 2022): a row is anomalous when its values sit deep in the
 * tails of the per-dimension empirical distributions. For each dimension j, with F_left the ECDF of the training
 * column and F_right that of its negation, the dimension scores are l = -log F_left(x_j) and r = -log F_right(x_j);
 * by default, as in PyOD, the row's score is the sum over dimensions of max(l, r, skewness-corrected), where the
 * skewness-corrected score picks the tail the column's skewness points to. With {@code aggregation=paper} it is the
 * paper's max(O_left, O_right, O_auto) of whole-row sums instead.
 *
 * <p>Parameter-free apart from that choice; the implementation, shared with the other tail detector, is
 * {@link TailDetector} (see {@link io.vigil.core.ecdf.TailModel} for why scoring deliberately differs from PyOD's
 * {@code decision_function}).
 */
public final class Ecod {
    public static final String NAME = TailRule.ECOD.detectorName();

    public static final DetectorFactory FACTORY = TailDetector.factory(TailRule.ECOD,
            "ECOD (Li et al. 2022): tail probabilities of per-dimension empirical CDFs, parameter-free");

    private Ecod() {
    }

    /** A validating builder of the detector; {@code build()} checks every field. */
    public static TailDetector.Builder builder() {
        return TailDetector.builder(TailRule.ECOD);
    }
}
