package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Threshold comparison: {@code between} is exclusive at both ends (lower &lt; value &lt; upper). */
public enum Comparison {
    ABOVE, ABOVE_OR_EQUAL, BELOW, BELOW_OR_EQUAL, BETWEEN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean test(double value, double threshold, double upper) {
        return switch (this) {
            case ABOVE -> value > threshold;
            case ABOVE_OR_EQUAL -> value >= threshold;
            case BELOW -> value < threshold;
            case BELOW_OR_EQUAL -> value <= threshold;
            case BETWEEN -> threshold < value && value < upper;
        };
    }
}
