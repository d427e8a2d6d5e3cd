package io.vigil.core.score;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.OrderStatistics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a typical training row looks like, feature by feature, in encoded terms: the median of each feature and its
 * median absolute deviation (MAD, unscaled: median |x - median|). Explanations report the median as the value that
 * would be normal and occlude features with it. A model does not keep its training rows, so the baseline is learned
 * once at training time and stored next to the model through {@link #state()}.
 *
 * @param medians per-feature training medians
 * @param mads    per-feature median absolute deviations from those medians
 */
public record FeatureBaseline(double[] medians, double[] mads) {
    static final int STATE_VERSION = 1;

    public FeatureBaseline {
        if (medians.length != mads.length) {
            throw new IllegalArgumentException("baseline has " + medians.length + " medians but " + mads.length
                    + " MADs");
        }
        if (medians.length == 0) {
            throw new IllegalArgumentException("baseline needs at least one feature");
        }
        for (int j = 0; j < medians.length; j++) {
            if (!Double.isFinite(medians[j]) || !(mads[j] >= 0) || Double.isInfinite(mads[j])) {
                throw new IllegalArgumentException("baseline feature " + j + " has median " + medians[j]
                        + " and MAD " + mads[j] + "; the median must be finite and the MAD finite and >= 0");
            }
        }
        medians = medians.clone();
        mads = mads.clone();
    }

    /**
     * Learns the baseline from (encoded) training rows, each column in parallel. Missing values (NaN) are left out
     * of a column's statistics; a column with no value at all is rejected.
     */
    public static FeatureBaseline of(Matrix training) {
        int n = training.rows();
        int d = training.cols();
        if (n == 0 || d == 0) {
            throw new IllegalArgumentException("a baseline needs at least one training row and one feature, got "
                    + training);
        }
        double[] medians = new double[d];
        double[] mads = new double[d];
        double[] x = training.values();
        ParallelLoop.run(ParallelLoop.defaultThreads(), d, j -> {
            double[] column = new double[n];
            int m = 0;
            for (int i = 0, p = j; i < n; i++, p += d) {
                if (!Double.isNaN(x[p])) {
                    column[m++] = x[p];
                }
            }
            if (m == 0) {
                medians[j] = Double.NaN;
                return;
            }
            double median = OrderStatistics.median(column, m);
            for (int i = 0; i < m; i++) {
                column[i] = Math.abs(column[i] - median);
            }
            medians[j] = median;
            mads[j] = OrderStatistics.median(column, m);
        });
        for (int j = 0; j < d; j++) {
            if (Double.isNaN(medians[j])) {
                throw new IllegalArgumentException("training column " + j + " has no values, only NaN");
            }
        }
        return new FeatureBaseline(medians, mads);
    }

    /** Number of features. */
    public int features() {
        return medians.length;
    }

    /** The training medians (a copy). */
    @Override
    public double[] medians() {
        return medians.clone();
    }

    /** The median absolute deviations (a copy). */
    @Override
    public double[] mads() {
        return mads.clone();
    }

    /** The median of feature {@code j}. */
    public double median(int j) {
        return medians[j];
    }

    /** The MAD of feature {@code j}. */
    public double mad(int j) {
        return mads[j];
    }

    /** JSON-compatible state: {@code {"version": 1, "medians": [...], "mads": [...]}}. */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", STATE_VERSION);
        state.put("medians", boxed(medians));
        state.put("mads", boxed(mads));
        return Collections.unmodifiableMap(state);
    }

    /** Restores a baseline from {@link #state()}, also after a JSON round trip (numbers of any boxed type). */
    public static FeatureBaseline fromState(Map<String, ?> state) {
        Object version = state.get("version");
        if (!(version instanceof Number v) || v.doubleValue() != STATE_VERSION) {
            throw new IllegalArgumentException("unsupported feature baseline state version " + version
                    + "; this version of Vigil reads version " + STATE_VERSION);
        }
        return new FeatureBaseline(unboxed(state, "medians"), unboxed(state, "mads"));
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return Collections.unmodifiableList(out);
    }

    private static double[] unboxed(Map<String, ?> state, String key) {
        if (!(state.get(key) instanceof List<?> list)) {
            throw new IllegalArgumentException("feature baseline state lacks the list '" + key + "'");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number number)) {
                throw new IllegalArgumentException("feature baseline state '" + key + "'[" + i + "] is not a number: "
                        + list.get(i));
            }
            out[i] = number.doubleValue();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureBaseline b && java.util.Arrays.equals(medians, b.medians)
                && java.util.Arrays.equals(mads, b.mads);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(medians) + java.util.Arrays.hashCode(mads);
    }

    @Override
    public String toString() {
        return "FeatureBaseline[" + medians.length + " features]";
    }
}
