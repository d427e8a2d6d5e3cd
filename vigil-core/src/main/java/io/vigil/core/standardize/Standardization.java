package io.vigil.core.standardize;

import io.vigil.core.data.Matrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per-feature means and scales learnt from training rows; {@link #apply(Matrix)} maps x to (x - mean) / scale.
 * Scales are population standard deviations (ddof 0), like scikit-learn's {@code StandardScaler}; a constant
 * feature gets scale 1.
 *
 * @param means the mean of each feature
 * @param scales the standard deviation of each feature, 1 where the feature is constant
 */
public record Standardization(double[] means, double[] scales) {

    public Standardization {
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(scales, "scales");
        if (means.length != scales.length) {
            throw new IllegalArgumentException("means has " + means.length + " entries but scales has "
                    + scales.length);
        }
        for (int j = 0; j < scales.length; j++) {
            if (!(scales[j] > 0) || Double.isInfinite(scales[j]) || !Double.isFinite(means[j])) {
                throw new IllegalArgumentException("feature " + j + " has mean " + means[j] + " and scale "
                        + scales[j] + "; scales must be positive and finite");
            }
        }
    }

    /** Learns means and scales from every row of {@code data}. */
    public static Standardization fit(Matrix data) {
        int n = data.rows();
        int d = data.cols();
        if (n == 0) {
            throw new IllegalArgumentException("cannot standardise zero rows");
        }
        double[] x = data.values();
        double[] mean = new double[d];
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0, p = 0; i < n; i++) {
            for (int j = 0; j < d; j++, p++) {
                double v = x[p];
                mean[j] += v;
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        // Two passes: the sum of squared deviations stays accurate where E[x^2] - E[x]^2 would cancel.
        double[] ss = new double[d];
        for (int i = 0, p = 0; i < n; i++) {
            for (int j = 0; j < d; j++, p++) {
                double dev = x[p] - mean[j];
                ss[j] += dev * dev;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("feature " + j + " has a non-finite value");
            }
            double sd = Math.sqrt(ss[j] / n);
            scale[j] = min[j] == max[j] || !(sd > 0) ? 1.0 : sd;
        }
        return new Standardization(mean, scale);
    }

    public int features() {
        return means.length;
    }

    /** A new matrix of standardised rows; {@code data} is left untouched. */
    public Matrix apply(Matrix data) {
        if (data.cols() != means.length) {
            throw new IllegalArgumentException("rows have " + data.cols() + " features, the scaling expects "
                    + means.length);
        }
        double[] out = new double[data.values().length];
        applyRows(data.values(), 0, data.rows(), out, 0);
        return new Matrix(out, data.rows(), data.cols());
    }

    /** Standardises {@code rowCount} rows starting at row {@code fromRow} of {@code src} into {@code dst}. */
    public void applyRows(double[] src, int fromRow, int rowCount, double[] dst, int dstOffset) {
        int d = means.length;
        double[] mean = means;
        double[] scale = scales;
        int p = fromRow * d;
        int q = dstOffset;
        for (int i = 0; i < rowCount; i++) {
            for (int j = 0; j < d; j++) {
                dst[q++] = (src[p++] - mean[j]) / scale[j];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(means, s.means) && Arrays.equals(scales, s.scales);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return "Standardization[means=" + Arrays.toString(means) + ", scales=" + Arrays.toString(scales) + "]";
    }
}
