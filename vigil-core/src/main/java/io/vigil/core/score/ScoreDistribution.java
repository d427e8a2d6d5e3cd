package io.vigil.core.score;

import io.vigil.core.data.OrderStatistics;

/**
 * The training scores' order statistics, found by selection instead of a full sort: learning a normaliser and a
 * threshold needs five or six of them, and quickselect finds each in linear time (the array is left partly
 * ordered, so later selections are quicker still). Infinite scores sit at the ends; NaN counts as +infinity, the
 * most anomalous, as a detector's NaN means it could not place the row at all.
 */
public final class ScoreDistribution {
    private final double[] finite;
    private final int below;
    private final int size;

    private ScoreDistribution(double[] finite, int below, int size) {
        this.finite = finite;
        this.below = below;
        this.size = size;
    }

    /** Copies the scores; the caller's array is not touched. */
    public static ScoreDistribution of(double[] raw) {
        int negative = 0;
        int count = 0;
        for (double v : raw) {
            if (v == Double.NEGATIVE_INFINITY) {
                negative++;
            } else if (Double.isFinite(v)) {
                count++;
            }
        }
        double[] finite = new double[count];
        int k = 0;
        for (double v : raw) {
            if (Double.isFinite(v)) {
                finite[k++] = v;
            }
        }
        return new ScoreDistribution(finite, negative, raw.length);
    }

    public int size() {
        return size;
    }

    public int finiteCount() {
        return finite.length;
    }

    /** The k-th smallest score (0-based) of all of them: -inf first, then finite ones, then +inf and NaN. */
    public double orderStatistic(int k) {
        if (k < below) {
            return Double.NEGATIVE_INFINITY;
        }
        if (k < below + finite.length) {
            return OrderStatistics.select(finite, finite.length, k - below);
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The q-quantile of the finite scores with linear interpolation (numpy's default); NaN when there are none. */
    public double finiteQuantile(double q) {
        int n = finite.length;
        if (n == 0) {
            return Double.NaN;
        }
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        double a = OrderStatistics.select(finite, n, lo);
        double frac = pos - lo;
        if (frac == 0 || lo + 1 >= n) {
            return a;
        }
        // After selecting lo, everything above index lo is at least a: the next order statistic is their minimum.
        double b = finite[lo + 1];
        for (int i = lo + 2; i < n; i++) {
            if (finite[i] < b) {
                b = finite[i];
            }
        }
        return a + (b - a) * frac;
    }

    /** Population standard deviation and mean of the finite scores, as {mean, sd}. */
    public double[] finiteMeanAndDeviation() {
        double mean = 0;
        for (double v : finite) {
            mean += v;
        }
        mean /= Math.max(1, finite.length);
        double ss = 0;
        for (double v : finite) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(ss / Math.max(1, finite.length))};
    }
}
