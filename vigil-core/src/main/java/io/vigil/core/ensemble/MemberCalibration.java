package io.vigil.core.ensemble;

import io.vigil.core.score.Quantiles;
import io.vigil.core.score.ScoreNormalizer;
import java.util.Arrays;
import java.util.Objects;

/**
 * What an ensemble learns about one member's training raw scores to put it on a common scale: the member's own
 * {@link ScoreNormalizer}, its flagging threshold (the (1 - contamination) quantile of its normalised training
 * scores, as {@link io.vigil.core.score.AnomalyModel} computes it; used by voting) and, for rank combination, its
 * sorted training scores, a fitted empirical CDF that places new rows as well as training ones.
 * A NaN raw score counts as the most anomalous (1.0), as the pipeline's threshold treats it.
 *
 * @param normalizer the member's normaliser
 * @param threshold the member's threshold on normalised scores, NaN when not voting
 * @param sortedScores ascending training raw scores for rank combination, empty otherwise
 */
public record MemberCalibration(ScoreNormalizer normalizer, double threshold, double[] sortedScores) {

    public MemberCalibration {
        Objects.requireNonNull(normalizer, "normalizer");
        Objects.requireNonNull(sortedScores, "sortedScores");
    }

    /** Learns from one member's raw scores of the training rows. */
    static MemberCalibration fit(double[] raw, Combination combination, double contamination) {
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        ScoreNormalizer normalizer = ScoreNormalizer.fitSorted(sorted);
        double threshold = Double.NaN;
        if (combination == Combination.VOTE) {
            double[] normalized = new double[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                double z = normalizer.normalize(sorted[i]);
                normalized[i] = Double.isNaN(z) ? 1.0 : z;
            }
            threshold = Quantiles.sortedQuantile(normalized, 1.0 - contamination);
        }
        return new MemberCalibration(normalizer, threshold,
                combination == Combination.RANK ? sorted : new double[0]);
    }

    double normalized(double raw) {
        return Double.isNaN(raw) ? 1.0 : normalizer.normalize(raw);
    }

    /** Share of training scores strictly below {@code raw}. */
    double rank(double raw) {
        if (Double.isNaN(raw)) {
            return 1.0;
        }
        double[] s = sortedScores;
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < raw) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) lo / s.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemberCalibration c && normalizer.equals(c.normalizer)
                && Double.compare(threshold, c.threshold) == 0 && Arrays.equals(sortedScores, c.sortedScores);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * normalizer.hashCode() + Double.hashCode(threshold)) + Arrays.hashCode(sortedScores);
    }

    @Override
    public String toString() {
        return "MemberCalibration[normalizer=" + normalizer + ", threshold=" + threshold + ", sortedScores="
                + sortedScores.length + " values]";
    }
}
