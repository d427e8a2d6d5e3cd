package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Query/filter ratio: the traffic left after the filter as a percentage of the traffic the query selects (both in
 * the run's time range), compared with {@code threshold}, met once it held for {@code times} consecutive runs.
 */
public record RatioCondition(Comparison operator, Double threshold, Double upperThreshold, Integer times)
        implements Condition {
    public RatioCondition {
        Threshold.check(operator, threshold, upperThreshold);
        times = FieldRules.atLeast(times, 1, 1, 100, "times");
    }

    @JsonIgnore
    @Override
    public String measure() {
        return "ratio";
    }

    @JsonIgnore
    @Override
    public String type() {
        return "ratio";
    }
}
