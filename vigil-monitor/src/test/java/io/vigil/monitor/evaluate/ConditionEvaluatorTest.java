package io.vigil.monitor.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.monitor.definition.Aggregation;
import io.vigil.monitor.definition.Baseline;
import io.vigil.monitor.definition.Comparison;
import io.vigil.monitor.definition.EmaBand;
import io.vigil.monitor.definition.EmaCondition;
import io.vigil.monitor.definition.MetricCondition;
import io.vigil.monitor.definition.MetricField;
import io.vigil.monitor.definition.NoDataState;
import io.vigil.monitor.definition.RateComparison;
import io.vigil.monitor.definition.RateCondition;
import io.vigil.monitor.definition.RateDirection;
import io.vigil.monitor.definition.RatioCondition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {
    /** History whose condition 0 measured avg(response_time_ms) with these values, each marked satisfied as given. */
    static RunHistory history(double[] values, boolean[] satisfied) {
        return history("avg(response_time_ms)", values, satisfied);
    }

    static RunHistory history(String measure, double[] values, boolean[] satisfied) {
        List<List<ConditionResult>> runs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            runs.add(List.of(new ConditionResult(0, "x", measure, satisfied[i] ? ConditionState.MET : ConditionState.NOT_MET,
                    satisfied[i], values[i], null, null, null, null)));
        }
        return new RunHistory(runs);
    }

    static RunHistory values(double... v) {
        return history(v, new boolean[v.length]);
    }

    static RateCondition rate(RateDirection d, RateComparison c, double percent, Baseline b, int previous) {
        return new RateCondition(Aggregation.AVG, MetricField.RESPONSE_TIME_MS, d, c, percent, b, previous);
    }

    @Test
    void rateComparesThePercentChangeAgainstTheBaselineOfPreviousResults() {
        RunHistory h = values(100, 110, 90, 100, 100);
        RateCondition up50 = rate(RateDirection.INCREASE, RateComparison.MORE_THAN, 50, Baseline.AVG, 5);
        ConditionResult met = ConditionEvaluator.rate(0, up50, 160.0, NoDataState.ERROR, h);
        assertThat(met.state()).isEqualTo(ConditionState.MET);
        assertThat(met.baseline()).isEqualTo(100.0);
        assertThat(met.upper()).isEqualTo(150.0);
        assertThat(met.message()).contains("+60.0000%");
        assertThat(ConditionEvaluator.rate(0, up50, 140.0, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.NOT_MET);
        assertThat(ConditionEvaluator.rate(0, up50, 150.0, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.NOT_MET);

        // Fall of (90 - 70) / 90 = 22.2% against the minimum.
        RateCondition down20 = rate(RateDirection.DECREASE, RateComparison.MORE_THAN, 20, Baseline.MIN, 5);
        ConditionResult fall = ConditionEvaluator.rate(0, down20, 70.0, NoDataState.ERROR, h);
        assertThat(fall.state()).isEqualTo(ConditionState.MET);
        assertThat(fall.baseline()).isEqualTo(90.0);
        assertThat(fall.lower()).isCloseTo(72.0, within(1e-12));
        assertThat(ConditionEvaluator.rate(0, down20, 73.0, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.NOT_MET);

        // "Increase by less than 10%" against the maximum 110: 115 is +4.5%, 100 is a fall and does not count.
        RateCondition upLess10 = rate(RateDirection.INCREASE, RateComparison.LESS_THAN, 10, Baseline.MAX, 5);
        assertThat(ConditionEvaluator.rate(0, upLess10, 115.0, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.MET);
        assertThat(ConditionEvaluator.rate(0, upLess10, 100.0, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.NOT_MET);
        assertThat(ConditionEvaluator.rate(0, upLess10, 121.5, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.NOT_MET);
    }

    @Test
    void rateUsesOnlyTheLastNValuesAndWarmsUpFirst() {
        RunHistory h = values(1000, 10, 10);
        RateCondition up = rate(RateDirection.INCREASE, RateComparison.MORE_THAN, 50, Baseline.AVG, 2);
        ConditionResult r = ConditionEvaluator.rate(0, up, 16.0, NoDataState.ERROR, h);
        assertThat(r.baseline()).isEqualTo(10.0);
        assertThat(r.state()).isEqualTo(ConditionState.MET);
        RateCondition up5 = rate(RateDirection.INCREASE, RateComparison.MORE_THAN, 50, Baseline.AVG, 5);
        ConditionResult warm = ConditionEvaluator.rate(0, up5, 1e9, NoDataState.ERROR, h);
        assertThat(warm.state()).isEqualTo(ConditionState.NOT_MET);
        assertThat(warm.message()).contains("needs 5 previous results, has 3");
        assertThat(ConditionEvaluator.rate(0, up, 5.0, NoDataState.ERROR, values(0, 0)).state()).isEqualTo(ConditionState.ERROR);
        assertThat(ConditionEvaluator.rate(0, up, null, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.ERROR);
    }

    @Test
    void historyOfAnotherMeasureAtTheSamePositionIsIgnored() {
        // After an edit turned condition 0 from avg(response_time_ms) into count, old values must not form a baseline.
        RunHistory h = values(100, 110, 90, 100, 100);
        RateCondition countUp = new RateCondition(Aggregation.COUNT, null, RateDirection.INCREASE,
                RateComparison.MORE_THAN, 50.0, Baseline.AVG, 2);
        assertThat(ConditionEvaluator.rate(0, countUp, 1000.0, NoDataState.ERROR, h).message()).contains("has 0");
        MetricCondition countTwice = new MetricCondition(Aggregation.COUNT, null, Comparison.ABOVE, 1.0, null, 2);
        RunHistory satisfied = history(new double[] {5}, new boolean[] {true});
        assertThat(ConditionEvaluator.metric(0, countTwice, 5.0, NoDataState.ERROR, satisfied).state()).isEqualTo(ConditionState.NOT_MET);
    }

    @Test
    void emaBandsMatchAHandComputedSeries() {
        // alpha = 2/5 = 0.4: EMA 10 -> 10.8 -> 10.88 -> 11.728; mean 11.5, population variance 1.25.
        RunHistory h = values(10, 12, 11, 13);
        EmaCondition outside = new EmaCondition(Aggregation.AVG, MetricField.RESPONSE_TIME_MS, EmaBand.OUTSIDE, 4, 2.0);
        ConditionResult r = ConditionEvaluator.ema(0, outside, 14.0, NoDataState.ERROR, h);
        double sigma = Math.sqrt(1.25);
        assertThat(r.baseline()).isCloseTo(11.728, within(1e-12));
        assertThat(r.upper()).isCloseTo(11.728 + 2 * sigma, within(1e-12));
        assertThat(r.lower()).isCloseTo(11.728 - 2 * sigma, within(1e-12));
        assertThat(r.state()).isEqualTo(ConditionState.MET);
        assertThat(ConditionEvaluator.ema(0, outside, 13.9, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.NOT_MET);
        assertThat(ConditionEvaluator.ema(0, outside, 9.0, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.MET);
        EmaCondition above = new EmaCondition(Aggregation.AVG, MetricField.RESPONSE_TIME_MS, EmaBand.ABOVE_UPPER, 4, 2.0);
        assertThat(ConditionEvaluator.ema(0, above, 9.0, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.NOT_MET);
        EmaCondition below = new EmaCondition(Aggregation.AVG, MetricField.RESPONSE_TIME_MS, EmaBand.BELOW_LOWER, 4, 0.5);
        // Lower band at k = 0.5: 11.728 - 0.559017 = 11.168983.
        assertThat(ConditionEvaluator.ema(0, below, 11.1, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.MET);
        assertThat(ConditionEvaluator.ema(0, below, 11.2, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.NOT_MET);
        EmaCondition needs5 = new EmaCondition(Aggregation.AVG, MetricField.RESPONSE_TIME_MS, EmaBand.OUTSIDE, 5, 1.0);
        assertThat(ConditionEvaluator.ema(0, needs5, 100.0, NoDataState.ERROR, h).state()).isEqualTo(ConditionState.NOT_MET);
    }

    @Test
    void metricIsMetOnlyAfterTheRepeatCountOfConsecutiveSatisfiedRuns() {
        MetricCondition above3 = new MetricCondition(Aggregation.AVG, MetricField.RESPONSE_TIME_MS, Comparison.ABOVE,
                1000.0, null, 3);
        RunHistory twoSatisfied = history(new double[] {1200, 1100}, new boolean[] {true, true});
        RunHistory brokenStreak = history(new double[] {1200, 900, 1100}, new boolean[] {true, false, true});
        RunHistory oneOnly = history(new double[] {1100}, new boolean[] {true});
        ConditionResult met = ConditionEvaluator.metric(0, above3, 1500.0, NoDataState.ERROR, twoSatisfied);
        assertThat(met.state()).isEqualTo(ConditionState.MET);
        assertThat(met.upper()).isEqualTo(1000.0);
        ConditionResult notYet = ConditionEvaluator.metric(0, above3, 1500.0, NoDataState.ERROR, brokenStreak);
        assertThat(notYet.state()).isEqualTo(ConditionState.NOT_MET);
        assertThat(notYet.satisfied()).isTrue();
        assertThat(ConditionEvaluator.metric(0, above3, 1500.0, NoDataState.ERROR, oneOnly).state()).isEqualTo(ConditionState.NOT_MET);
        assertThat(ConditionEvaluator.metric(0, above3, 1000.0, NoDataState.ERROR, twoSatisfied).state()).isEqualTo(ConditionState.NOT_MET);
        assertThat(ConditionEvaluator.metric(0, above3, null, NoDataState.ERROR, twoSatisfied).state()).isEqualTo(ConditionState.ERROR);

        MetricCondition between = new MetricCondition(Aggregation.P95, MetricField.STATUS_CODE, Comparison.BETWEEN,
                10.0, 20.0, null);
        assertThat(ConditionEvaluator.metric(0, between, 15.0, NoDataState.ERROR, RunHistory.empty()).state()).isEqualTo(ConditionState.MET);
        assertThat(ConditionEvaluator.metric(0, between, 20.0, NoDataState.ERROR, RunHistory.empty()).state()).isEqualTo(ConditionState.NOT_MET);
        MetricCondition atMost = new MetricCondition(Aggregation.COUNT, null, Comparison.BELOW_OR_EQUAL, 5.0, null, 1);
        assertThat(ConditionEvaluator.metric(0, atMost, 5.0, NoDataState.ERROR, RunHistory.empty()).state()).isEqualTo(ConditionState.MET);
    }

    @Test
    void ratioIsTheFilteredShareOfTheQueryInPercent() {
        RatioCondition above10twice = new RatioCondition(Comparison.ABOVE, 10.0, null, 2);
        RunHistory prevSatisfied = history("ratio", new double[] {12}, new boolean[] {true});
        ConditionResult r = ConditionEvaluator.ratio(0, above10twice, 30, 200, NoDataState.ERROR, prevSatisfied);
        assertThat(r.value()).isEqualTo(15.0);
        assertThat(r.state()).isEqualTo(ConditionState.MET);
        assertThat(ConditionEvaluator.ratio(0, above10twice, 30, 200, NoDataState.ERROR, RunHistory.empty()).state())
                .isEqualTo(ConditionState.NOT_MET);
        assertThat(ConditionEvaluator.ratio(0, above10twice, 20, 200, NoDataState.ERROR, prevSatisfied).state())
                .isEqualTo(ConditionState.NOT_MET);
        assertThat(ConditionEvaluator.ratio(0, above10twice, 0, 0, NoDataState.ERROR, prevSatisfied).state())
                .isEqualTo(ConditionState.ERROR);
    }

    @Test
    void noDataFollowsTheMonitorsChoiceAndMetStillNeedsItsStreak() {
        MetricCondition avg = new MetricCondition(Aggregation.AVG, MetricField.RESPONSE_TIME_MS, Comparison.ABOVE,
                500.0, null, 1);
        String why = "no traffic matched the query and filter in the time range";
        ConditionResult error = ConditionEvaluator.metric(0, avg, null, NoDataState.ERROR, values());
        assertThat(error.state()).isEqualTo(ConditionState.ERROR);
        assertThat(error.message()).isEqualTo(why);

        ConditionResult met = ConditionEvaluator.metric(0, avg, null, NoDataState.MET, values());
        assertThat(met.state()).isEqualTo(ConditionState.MET);
        assertThat(met.satisfied()).isTrue();
        assertThat(met.value()).isNull();
        assertThat(met.message()).isEqualTo(why + "; no_data counts it as met");

        ConditionResult quiet = ConditionEvaluator.ema(0, new EmaCondition(Aggregation.AVG,
                MetricField.RESPONSE_TIME_MS, EmaBand.OUTSIDE, 5, 2.0), null, NoDataState.NOT_MET, values());
        assertThat(quiet.state()).isEqualTo(ConditionState.NOT_MET);
        assertThat(quiet.satisfied()).isFalse();
        assertThat(quiet.message()).isEqualTo(why + "; no_data counts it as not_met");

        // times = 3: silence alerts only on the third silent run in a row.
        MetricCondition thrice = new MetricCondition(Aggregation.AVG, MetricField.RESPONSE_TIME_MS, Comparison.ABOVE,
                500.0, null, 3);
        RunHistory oneSilent = history(new double[] {0}, new boolean[] {true});
        ConditionResult notYet = ConditionEvaluator.metric(0, thrice, null, NoDataState.MET, oneSilent);
        assertThat(notYet.state()).isEqualTo(ConditionState.NOT_MET);
        assertThat(notYet.satisfied()).isTrue();
        assertThat(notYet.message()).isEqualTo(why + "; no_data counts it as met, met after 3 such runs in a row");
        RunHistory twoSilent = history(new double[] {0, 0}, new boolean[] {true, true});
        assertThat(ConditionEvaluator.metric(0, thrice, null, NoDataState.MET, twoSilent).state())
                .isEqualTo(ConditionState.MET);

        // A ratio over no traffic is undefined: the same choice applies, with its own reason.
        RatioCondition ratio = new RatioCondition(Comparison.ABOVE, 10.0, null, 1);
        ConditionResult undefined = ConditionEvaluator.ratio(0, ratio, 0, 0, NoDataState.MET, values());
        assertThat(undefined.state()).isEqualTo(ConditionState.MET);
        assertThat(undefined.message()).isEqualTo("the query matched no traffic in the time range, so the ratio is "
                + "undefined; no_data counts it as met");
    }

}
