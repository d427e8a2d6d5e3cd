package io.vigil.monitor.evaluate;

import io.vigil.monitor.definition.Condition;

/**
 * What one condition found in one run.
 *
 * @param index position of the condition in the monitor
 * @param type metric / rate / ema / ratio
 * @param measure what was measured, e.g. {@code p95(response_time_ms)}, {@code count}, {@code ratio}
 * @param state MET, NOT_MET or ERROR
 * @param satisfied whether this run's value alone satisfied the comparison (before the repeat count)
 * @param value the computed value (metric, percent change, EMA input, ratio percent); null on error
 * @param lower lower band or threshold compared against, when there is one
 * @param upper upper band or threshold compared against, when there is one
 * @param baseline the rate baseline or the EMA centre line, when there is one
 * @param message why it errored, or a note such as a warm-up that lacks previous results
 */
public record ConditionResult(int index, String type, String measure, ConditionState state, boolean satisfied, Double value,
                              Double lower, Double upper, Double baseline, String message) {
    static ConditionResult error(int index, Condition c, String message) {
        return new ConditionResult(index, c.type(), c.measure(), ConditionState.ERROR, false, null, null, null, null,
                message);
    }
}
