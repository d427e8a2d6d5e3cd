package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Change check: the current {@code aggregation(field)} against the {@code baseline} (avg / min / max) of the previous
 * {@code previous} results of this condition; met when it rose (or fell) by more (or less) than {@code percent}%.
 */
public record RateCondition(Aggregation aggregation, MetricField field, RateDirection direction,
                            RateComparison comparison, Double percent, Baseline baseline, Integer previous)
        implements Condition {
    public RateCondition {
        Measure.check(aggregation, field);
        FieldRules.required(direction, "direction");
        FieldRules.required(comparison, "comparison");
        double p = FieldRules.finite(percent, "percent");
        if (p < 0) {
            throw new io.vigil.monitor.InvalidMonitorException("percent", "percent must be at least 0");
        }
        baseline = baseline == null ? Baseline.AVG : baseline;
        previous = FieldRules.atLeast(previous, 1, 1, 1000, "previous");
    }

    @JsonIgnore
    @Override
    public String measure() {
        return Measure.label(aggregation, field);
    }

    @JsonIgnore
    @Override
    public String type() {
        return "rate";
    }
}
