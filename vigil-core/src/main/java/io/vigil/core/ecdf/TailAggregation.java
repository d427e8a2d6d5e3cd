package io.vigil.core.ecdf;

import io.vigil.core.detect.InvalidParameterException;
import java.util.Locale;

/**
 * Where the maximum over left, right and skewness-corrected tails is taken. The papers (ECOD and COPOD, Algorithm 1)
 * sum each kind over the dimensions and take the largest of the three sums; PyOD takes a maximum per dimension
 * ({@link TailRule}) and sums those, which is what ADBench and most published figures measured.
 */
public enum TailAggregation {
    /** PyOD's per-dimension maximum, then the sum: the default. */
    PYOD("pyod"),
    /**
     * The papers' max(O_left, O_right, O_auto) over whole-row sums, O_auto taking the left tail of left-skewed
     * (skewness below 0) columns and the right tail of the others.
     */
    PAPER("paper");

    private final String label;

    TailAggregation(String label) {
        this.label = label;
    }

    /** The parameter value, {@code pyod} or {@code paper}. */
    public String label() {
        return label;
    }

    /** Parses a parameter value, case-insensitively. */
    public static TailAggregation parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (TailAggregation a : values()) {
            if (a.label.equals(v)) {
                return a;
            }
        }
        throw new InvalidParameterException("aggregation", "aggregation must be pyod or paper, got '" + value + "'");
    }
}
