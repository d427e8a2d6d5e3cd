package io.vigil.core.score;

import java.util.Arrays;

/** Order statistics on double arrays. */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The q-quantile with linear interpolation between order statistics (numpy's default, Hyndman-Fan type 7),
     * so thresholds agree with scikit-learn's percentile-based offsets. NaN values are not allowed.
     */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quantile of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sortedQuantile(sorted, q);
    }

    /** As {@link #quantile} on an already ascending array. */
    public static double sortedQuantile(double[] sorted, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
