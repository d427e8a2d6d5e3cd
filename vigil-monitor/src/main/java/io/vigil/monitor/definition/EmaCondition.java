package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.vigil.monitor.InvalidMonitorException;

/**
 * Statistical check: bands {@code EMA ± sensitivity·σ} computed over the previous {@code points} results of this
 * condition; met when the current value lies above the upper band, below the lower band or outside either.
 * Sensitivity runs from 0.5 (many alerts) to 2.0 (few).
 */
public record EmaCondition(Aggregation aggregation, MetricField field, EmaBand band, Integer points,
                           Double sensitivity) implements Condition {
    public static final double MIN_SENSITIVITY = 0.5;
    public static final double MAX_SENSITIVITY = 2.0;

    public EmaCondition {
        Measure.check(aggregation, field);
        band = band == null ? EmaBand.OUTSIDE : band;
        points = FieldRules.atLeast(points, 10, 2, 1000, "points");
        double k = sensitivity == null ? 1.5 : sensitivity;
        if (!(k >= MIN_SENSITIVITY && k <= MAX_SENSITIVITY)) {
            throw new InvalidMonitorException("sensitivity", "sensitivity must be between 0.5 and 2.0, got " + k);
        }
        sensitivity = k;
    }

    @JsonIgnore
    @Override
    public String measure() {
        return Measure.label(aggregation, field);
    }

    @JsonIgnore
    @Override
    public String type() {
        return "ema";
    }
}
