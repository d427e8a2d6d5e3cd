package io.vigil.monitor.evaluate;

import io.vigil.monitor.definition.Comparison;
import io.vigil.monitor.definition.Condition;
import io.vigil.monitor.definition.EmaCondition;
import io.vigil.monitor.definition.MetricCondition;
import io.vigil.monitor.definition.NoDataState;
import io.vigil.monitor.definition.RateComparison;
import io.vigil.monitor.definition.RateCondition;
import io.vigil.monitor.definition.RateDirection;
import io.vigil.monitor.definition.RatioCondition;
import java.util.List;

/**
 * The arithmetic of the four condition types, given this run's measurement and the condition's history. Pure
 * functions, so they are tested on hand-computed series.
 */
public final class ConditionEvaluator {
    /** Why a metric, rate or EMA condition has no value: nothing in the window matched. */
    private static final String NO_TRAFFIC = "no traffic matched the query and filter in the time range";

    private ConditionEvaluator() {
    }

    /** Threshold check, met once satisfied in this run and the {@code times - 1} runs before it. */
    public static ConditionResult metric(int index, MetricCondition c, Double value, NoDataState noData,
                                         RunHistory history) {
        if (value == null) {
            return noData(index, c, noData, NO_TRAFFIC, history);
        }
        double upper = c.upperThreshold() == null ? Double.NaN : c.upperThreshold();
        boolean satisfied = c.operator().test(value, c.threshold(), upper);
        boolean met = satisfied && streak(index, c.measure(), c.times(), history);
        return new ConditionResult(index, c.type(), c.measure(), met ? ConditionState.MET : ConditionState.NOT_MET, satisfied, value,
                lowerLine(c.operator(), c.threshold()), upperLine(c.operator(), c.threshold(), c.upperThreshold()), null,
                satisfied && !met ? "satisfied; met after " + c.times() + " consecutive runs" : null);
    }

    /**
     * Change against the avg / min / max of the previous {@code previous} values: change% = (value - base) / |base|
     * · 100, negated for a decrease. "More than p" needs change% &gt; p; "less than p" needs 0 &le; change% &lt; p
     * (a rise of less than p, not a fall). Until enough previous values exist the condition is NOT_MET (warm-up).
     */
    public static ConditionResult rate(int index, RateCondition c, Double value, NoDataState noData,
                                       RunHistory history) {
        if (value == null) {
            return noData(index, c, noData, NO_TRAFFIC, history);
        }
        double[] prev = history.previousValues(index, c.measure(), c.previous());
        if (prev.length < c.previous()) {
            return new ConditionResult(index, c.type(), c.measure(), ConditionState.NOT_MET, false, value, null, null, null,
                    "warming up: needs " + c.previous() + " previous results, has " + prev.length);
        }
        double base = switch (c.baseline()) {
            case AVG -> mean(prev);
            case MIN -> min(prev);
            case MAX -> max(prev);
        };
        if (base == 0) {
            if (value != 0) {
                return new ConditionResult(index, c.type(), c.measure(), ConditionState.ERROR, false, value, null, null, base,
                        "baseline is 0, so a percentage change is undefined");
            }
        }
        double change = base == 0 ? 0 : (value - base) / Math.abs(base) * 100.0;
        double amount = c.direction() == RateDirection.INCREASE ? change : -change;
        boolean satisfied = c.comparison() == RateComparison.MORE_THAN
                ? amount > c.percent() : amount >= 0 && amount < c.percent();
        double edge = Math.abs(base) * c.percent() / 100.0;
        Double lower = c.direction() == RateDirection.DECREASE ? base - edge : null;
        Double upper = c.direction() == RateDirection.INCREASE ? base + edge : null;
        return new ConditionResult(index, c.type(), c.measure(), satisfied ? ConditionState.MET : ConditionState.NOT_MET, satisfied,
                value, lower, upper, base, String.format(java.util.Locale.ROOT, "change %+.4f%% against %s of previous %d",
                        change, c.baseline().wireName(), c.previous()));
    }

    /**
     * Bollinger bands around an EMA of the previous {@code points} values x1..xN (oldest first): alpha = 2/(N+1),
     * EMA seeded with x1 and updated ema = alpha·x + (1-alpha)·ema; σ is the population standard deviation of the
     * same N values; bands are EMA ± sensitivity·σ. The current value is compared with the bands.
     */
    public static ConditionResult ema(int index, EmaCondition c, Double value, NoDataState noData,
                                      RunHistory history) {
        if (value == null) {
            return noData(index, c, noData, NO_TRAFFIC, history);
        }
        double[] prev = history.previousValues(index, c.measure(), c.points());
        if (prev.length < c.points()) {
            return new ConditionResult(index, c.type(), c.measure(), ConditionState.NOT_MET, false, value, null, null, null,
                    "warming up: needs " + c.points() + " previous results, has " + prev.length);
        }
        double centre = ema(prev);
        double sigma = Math.sqrt(populationVariance(prev));
        double lower = centre - c.sensitivity() * sigma;
        double upper = centre + c.sensitivity() * sigma;
        boolean satisfied = switch (c.band()) {
            case ABOVE_UPPER -> value > upper;
            case BELOW_LOWER -> value < lower;
            case OUTSIDE -> value > upper || value < lower;
        };
        return new ConditionResult(index, c.type(), c.measure(), satisfied ? ConditionState.MET : ConditionState.NOT_MET, satisfied,
                value, lower, upper, centre, null);
    }

    /** Filter count as a percentage of query count, compared like a metric, with its repeat count. */
    public static ConditionResult ratio(int index, RatioCondition c, long filtered, long total, NoDataState noData,
                                        RunHistory history) {
        if (total == 0) {
            return noData(index, c, noData, "the query matched no traffic in the time range, so the ratio is undefined",
                    history);
        }
        double percent = 100.0 * filtered / total;
        double upper = c.upperThreshold() == null ? Double.NaN : c.upperThreshold();
        boolean satisfied = c.operator().test(percent, c.threshold(), upper);
        boolean met = satisfied && streak(index, c.measure(), c.times(), history);
        return new ConditionResult(index, c.type(), c.measure(), met ? ConditionState.MET : ConditionState.NOT_MET, satisfied, percent,
                lowerLine(c.operator(), c.threshold()), upperLine(c.operator(), c.threshold(), c.upperThreshold()), null,
                filtered + " of " + total + " records");
    }

    /**
     * A condition with nothing to measure (no traffic matched), under the monitor's {@code no_data} choice: ERROR
     * (the default, changes nothing), NOT_MET, or MET, which counts as satisfied so that a metric or ratio
     * condition's {@code times} still asks for that many such runs in a row.
     */
    private static ConditionResult noData(int index, Condition c, NoDataState policy, String why,
                                          RunHistory history) {
        if (policy == NoDataState.ERROR) {
            return ConditionResult.error(index, c, why);
        }
        boolean satisfied = policy == NoDataState.MET;
        int times = c instanceof MetricCondition m ? m.times() : c instanceof RatioCondition r ? r.times() : 1;
        boolean met = satisfied && streak(index, c.measure(), times, history);
        return new ConditionResult(index, c.type(), c.measure(), met ? ConditionState.MET : ConditionState.NOT_MET,
                satisfied, null, null, null, null, why + "; no_data counts it as " + policy.wireName()
                + (satisfied && !met ? ", met after " + times + " such runs in a row" : ""));
    }

    /** True when the {@code times - 1} runs before this one all satisfied the condition. */
    private static boolean streak(int index, String measure, int times, RunHistory history) {
        if (times <= 1) {
            return true;
        }
        List<ConditionResult> prev = history.previous(index, measure, times - 1);
        if (prev.size() < times - 1) {
            return false;
        }
        for (ConditionResult r : prev) {
            if (!r.satisfied()) {
                return false;
            }
        }
        return true;
    }

    private static Double lowerLine(Comparison op, double threshold) {
        return op == Comparison.BELOW || op == Comparison.BELOW_OR_EQUAL || op == Comparison.BETWEEN ? threshold : null;
    }

    private static Double upperLine(Comparison op, double threshold, Double upperThreshold) {
        if (op == Comparison.BETWEEN) {
            return upperThreshold;
        }
        return op == Comparison.ABOVE || op == Comparison.ABOVE_OR_EQUAL ? threshold : null;
    }

    static double ema(double[] x) {
        double alpha = 2.0 / (x.length + 1);
        double e = x[0];
        for (int i = 1; i < x.length; i++) {
            e = alpha * x[i] + (1 - alpha) * e;
        }
        return e;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double populationVariance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
