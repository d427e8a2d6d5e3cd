package io.vigil.core.explain;

import io.vigil.core.data.Matrix;
import java.util.function.UnaryOperator;

/**
 * For detectors whose score is a sum of per-dimension terms (ECOD, COPOD, HBOS; their {@code contributions(rows)}):
 * a feature's credit is how far its term rises above the term the same dimension gives the training median,
 * max(0, term_j(x) - term_j(median)). The raw terms never reach zero (ECOD's and COPOD's -log tail probability is
 * about log 2 at the median; HBOS's -log2 density can even be negative), so without the subtraction every ordinary
 * feature would keep a share of the anomaly. With it, for an additive score the credit equals the score drop when the
 * feature is set to its median, the same quantity {@link OcclusionAttribution} measures for other detectors.
 */
final class DimensionTermAttribution implements Attribution {
    private final UnaryOperator<Matrix> terms;
    private final double[] typical;

    /**
     * @param terms   the detector's rows x features matrix of per-dimension score terms
     * @param medians the training medians, whose terms are the zero point
     */
    DimensionTermAttribution(UnaryOperator<Matrix> terms, double[] medians) {
        this.terms = terms;
        this.typical = terms.apply(new Matrix(medians.clone(), 1, medians.length)).values();
    }

    @Override
    public double[] credits(Matrix rows) {
        int d = typical.length;
        double[] t = terms.apply(rows).values();
        double[] out = new double[t.length];
        for (int base = 0; base < t.length; base += d) {
            for (int j = 0; j < d; j++) {
                double excess = t[base + j] - typical[j];
                // NaN (an infinite term at both points) means no evidence either way.
                out[base + j] = excess > 0 ? excess : 0.0;
            }
        }
        return out;
    }
}
