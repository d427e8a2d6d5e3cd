package io.vigil.monitor.evaluate;

import io.vigil.monitor.Monitor;
import io.vigil.monitor.definition.Condition;
import io.vigil.monitor.definition.EmaCondition;
import io.vigil.monitor.definition.MetricCondition;
import io.vigil.monitor.definition.MonitorSpec;
import io.vigil.monitor.definition.NoDataState;
import io.vigil.monitor.definition.RateCondition;
import io.vigil.monitor.definition.RatioCondition;
import io.vigil.monitor.definition.TrafficQuery;
import io.vigil.monitor.schedule.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a monitor as of a fire time: picks the traffic window (the filter's time range, or the interval since
 * the schedule's previous fire time), measures each condition's value and applies the condition arithmetic.
 */
public final class MonitorEvaluator {
    private final TrafficMeasurements measurements;

    public MonitorEvaluator(TrafficMeasurements measurements) {
        this.measurements = measurements;
    }

    public RunOutcome evaluate(Monitor monitor, Instant firedAt, RunHistory history) {
        MonitorSpec spec = monitor.spec();
        TimeWindow window = window(spec, firedAt);
        List<ConditionResult> results = new ArrayList<>();
        for (int i = 0; i < spec.conditions().size(); i++) {
            Condition c = spec.conditions().get(i);
            try {
                results.add(evaluate(i, c, spec, window, history));
            } catch (RuntimeException e) {
                results.add(ConditionResult.error(i, c, "evaluation failed: " + e.getMessage()));
            }
        }
        boolean anyMet = results.stream().anyMatch(r -> r.state() == ConditionState.MET);
        boolean allError = results.stream().allMatch(r -> r.state() == ConditionState.ERROR);
        RunResult result = anyMet ? RunResult.MET : allError ? RunResult.ERROR : RunResult.NOT_MET;
        String error = results.stream().filter(r -> r.state() == ConditionState.ERROR)
                .map(r -> "condition " + r.index() + ": " + r.message()).reduce((a, b) -> a + "; " + b).orElse(null);
        return new RunOutcome(monitor.id(), firedAt, window, result, results, error);
    }

    /** The traffic a run at {@code firedAt} analyses. */
    public static TimeWindow window(MonitorSpec spec, Instant firedAt) {
        Duration range = spec.filter().range().orElseGet(() -> {
            Instant previous = CronSchedule.parse(spec.schedule()).previousBefore(firedAt).orElse(firedAt.minusSeconds(300));
            Duration since = Duration.between(previous, firedAt);
            return since.isZero() || since.isNegative() ? Duration.ofMinutes(5) : since;
        });
        return new TimeWindow(firedAt.minus(range), firedAt);
    }

    private ConditionResult evaluate(int i, Condition c, MonitorSpec spec, TimeWindow window, RunHistory history) {
        String env = spec.environment();
        TrafficQuery q = spec.query();
        NoDataState noData = spec.noData();
        if (c instanceof MetricCondition m) {
            return ConditionEvaluator.metric(i, m,
                    measurements.aggregate(env, window, q, spec.filter(), m.aggregation(), m.field()), noData, history);
        }
        if (c instanceof RateCondition r) {
            return ConditionEvaluator.rate(i, r,
                    measurements.aggregate(env, window, q, spec.filter(), r.aggregation(), r.field()), noData, history);
        }
        if (c instanceof EmaCondition e) {
            return ConditionEvaluator.ema(i, e,
                    measurements.aggregate(env, window, q, spec.filter(), e.aggregation(), e.field()), noData, history);
        }
        RatioCondition r = (RatioCondition) c;
        return ConditionEvaluator.ratio(i, r, measurements.count(env, window, q, spec.filter()),
                measurements.count(env, window, q, null), noData, history);
    }
}
