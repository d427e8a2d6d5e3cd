package io.vigil.workflow;

import io.vigil.core.score.ScoreDistribution;
import io.vigil.core.score.ScoreNormalizer;

/**
 * The flagging threshold of a run, learned from its raw scores exactly as {@code AnomalyModel.train} learns a
 * model's: runs score in chunks (to report progress and honour cancel), so they cannot call train, whose threshold
 * helpers are not public. Keep the two in step.
 */
final class RunThreshold {
    private RunThreshold() {
    }

    /** The (1 - contamination) quantile of the normalised scores, read off the raw order statistics. */
    static double contamination(ScoreDistribution raw, ScoreNormalizer normalizer, double contamination) {
        double pos = (1.0 - contamination) * (raw.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, raw.size() - 1);
        double frac = pos - lo;
        double a = normalizedOrOne(normalizer, raw.orderStatistic(lo));
        if (frac == 0) {
            return a;
        }
        double b = normalizedOrOne(normalizer, raw.orderStatistic(hi));
        return a + (b - a) * frac;
    }

    /** {@code ThresholdRule.AUTO}: Tukey's fence Q3 + 1.5 IQR on the raw scores (mean + 3 sd when the IQR is 0). */
    static double auto(ScoreDistribution scores, ScoreNormalizer normalizer) {
        if (scores.finiteCount() < 2) {
            return 1.0;
        }
        double q1 = scores.finiteQuantile(0.25);
        double q3 = scores.finiteQuantile(0.75);
        double fence = q3 + 1.5 * (q3 - q1);
        if (!(q3 > q1)) {
            double[] meanSd = scores.finiteMeanAndDeviation();
            if (!(meanSd[1] > 1e-12 * Math.max(1.0, Math.abs(meanSd[0])))) {
                return 1.0;
            }
            fence = meanSd[0] + 3 * meanSd[1];
        }
        return normalizer.normalize(fence);
    }

    /** A NaN raw score counts as the most anomalous. */
    private static double normalizedOrOne(ScoreNormalizer normalizer, double raw) {
        double v = normalizer.normalize(raw);
        return Double.isNaN(v) ? 1.0 : v;
    }
}
