package io.vigil.core.knn;

import io.vigil.core.detect.InvalidParameterException;
import java.util.Locale;

/** How the distances to a row's k nearest neighbours become one score, as PyOD's {@code method}. */
public enum DistanceSummary {
    /** Distance to the k-th neighbour (Ramaswamy et al.). */
    LARGEST,
    /** Mean distance to the k neighbours (Angiulli and Pizzuti). */
    MEAN,
    /** Median distance, the mean of the two middle ones for even k as numpy's median. */
    MEDIAN;

    /** The lower-case name used as the {@code method} parameter. */
    public String parameterName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DistanceSummary parse(String s) {
        for (DistanceSummary m : values()) {
            if (m.parameterName().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidParameterException("method", "method must be largest, mean or median, got '" + s + "'");
    }

    /** Summarises the sorted distances [from, from + k). */
    double summarise(double[] sorted, int from, int k) {
        switch (this) {
            case LARGEST:
                return sorted[from + k - 1];
            case MEAN: {
                double sum = 0;
                for (int j = from; j < from + k; j++) {
                    sum += sorted[j];
                }
                return sum / k;
            }
            default: {
                int mid = from + k / 2;
                return (k & 1) == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
            }
        }
    }
}
