package io.vigil.monitor.run;

import io.vigil.monitor.evaluate.ConditionState;
import java.time.Instant;

/** One point of a condition chart: the value, its bands or thresholds, the baseline and whether it was met. */
public record SeriesPoint(Instant firedAt, long runId, ConditionState state, Double value, Double lower, Double upper,
                          Double baseline) {
    public boolean met() {
        return state == ConditionState.MET;
    }
}
