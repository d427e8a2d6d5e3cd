package io.vigil.core.score;

/** How a model's default threshold was learned. */
public enum ThresholdRule {
    /** The (1 - contamination) quantile of the normalised training scores. */
    CONTAMINATION,
    /**
     * Without a contamination: Tukey's fence on the raw training scores, Q3 + 1.5 IQR, mapped through the
     * normaliser. A score beyond the fence is an outlier of the score distribution itself: 0.35% of rows if the
     * scores were normally distributed, more where they have a heavy upper tail, which is where anomalies show.
     * On the shared benchmark sets with Isolation Forest it flags 0.5% to 7% of rows, near their true anomaly
     * rates of 2% to 10% (the far-out fence, Q3 + 3 IQR, flagged none of mammography's 2.3%). When the IQR is 0 the fence is mean + 3 standard deviations; when every training
     * score is equal, nothing is flagged.
     */
    AUTO;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Tukey's fence on ascending raw scores, in normalised terms. */
    static double autoThreshold(double[] sortedRaw, ScoreNormalizer normalizer) {
        return autoThreshold(ScoreDistribution.of(sortedRaw), normalizer);
    }

    /** Tukey's fence on the raw training scores, in normalised terms (mean + 3 sd when the IQR is 0). */
    public static double autoThreshold(ScoreDistribution scores, ScoreNormalizer normalizer) {
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
}
