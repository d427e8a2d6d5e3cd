package io.vigil.core.score;

/**
 * Maps raw scores of any detector onto 0..1 with a sigmoid centred on the training median and scaled by a robust
 * spread: {@code sigmoid((s - median) / (2 * spread))} where spread is the training interquartile range, falling
 * back to the standard deviation when the IQR is 0 (more than half the scores tie), then to 1 when every training
 * score is the same. The mapping is monotone, so it never changes a ranking.
 *
 * @param median median of the training raw scores
 * @param spread the IQR, standard deviation or 1, whichever came first above 0
 */
public record ScoreNormalizer(double median, double spread) {

    public ScoreNormalizer {
        if (!Double.isFinite(median)) {
            throw new IllegalArgumentException("median must be finite, got " + median);
        }
        if (!(spread > 0) || !Double.isFinite(spread)) {
            throw new IllegalArgumentException("spread must be finite and greater than 0, got " + spread);
        }
    }

    /** Fits on the raw training scores; non-finite scores (a detector's infinities) are left out. */
    public static ScoreNormalizer fit(double[] raw) {
        return fit(ScoreDistribution.of(raw));
    }

    /** As {@link #fit} on raw scores already in ascending order. */
    public static ScoreNormalizer fitSorted(double[] sorted) {
        return fit(ScoreDistribution.of(sorted));
    }

    public static ScoreNormalizer fit(ScoreDistribution scores) {
        if (scores.finiteCount() == 0) {
            return new ScoreNormalizer(0.0, 1.0);
        }
        double median = scores.finiteQuantile(0.5);
        double iqr = scores.finiteQuantile(0.75) - scores.finiteQuantile(0.25);
        if (iqr > 0 && Double.isFinite(iqr)) {
            return new ScoreNormalizer(median, iqr);
        }
        double sd = scores.finiteMeanAndDeviation()[1];
        // Rounding leaves a tiny deviation on equal scores; below 1e-12 of their size it counts as none.
        boolean spread = sd > 1e-12 * Math.max(1.0, Math.abs(median)) && Double.isFinite(sd);
        return new ScoreNormalizer(median, spread ? sd : 1.0);
    }

    public double normalize(double raw) {
        if (Double.isNaN(raw)) {
            return Double.NaN;
        }
        double z = (raw - median) / (2.0 * spread);
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public double[] normalize(double[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = normalize(raw[i]);
        }
        return out;
    }

}
