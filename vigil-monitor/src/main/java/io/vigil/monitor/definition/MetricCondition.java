package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Direct threshold check: {@code aggregation(field) operator threshold}, met only once the comparison has held for
 * {@code times} consecutive runs (default 1).
 */
public record MetricCondition(Aggregation aggregation, MetricField field, Comparison operator, Double threshold,
                              Double upperThreshold, Integer times) implements Condition {
    public MetricCondition {
        Measure.check(aggregation, field);
        Threshold.check(operator, threshold, upperThreshold);
        times = FieldRules.atLeast(times, 1, 1, 100, "times");
    }

    @JsonIgnore
    @Override
    public String measure() {
        return Measure.label(aggregation, field);
    }

    @JsonIgnore
    @Override
    public String type() {
        return "metric";
    }
}
