package io.vigil.monitor.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * Previous runs of a monitor, oldest first, as the condition results each run stored. Rate and EMA conditions
 * take their baseline from it and repeat counts look back through it.
 */
public final class RunHistory {
    private final List<List<ConditionResult>> runs;

    public RunHistory(List<List<ConditionResult>> runsOldestFirst) {
        this.runs = new ArrayList<>(runsOldestFirst);
    }

    public static RunHistory empty() {
        return new RunHistory(List.of());
    }

    /** Appends a run (used by backtests, which keep their history in memory). */
    public void add(List<ConditionResult> run) {
        runs.add(List.copyOf(run));
    }

    /** The results of condition {@code index} measuring {@code measure} in the last {@code limit} runs with one, oldest first. */
    public List<ConditionResult> previous(int index, String measure, int limit) {
        List<ConditionResult> out = new ArrayList<>();
        for (int r = runs.size() - 1; r >= 0 && out.size() < limit; r--) {
            for (ConditionResult c : runs.get(r)) {
                if (c.index() == index && c.measure().equals(measure)) {
                    out.add(c);
                    break;
                }
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The last {@code limit} computed (non-error) values of condition {@code index} measuring {@code measure}, oldest first. */
    public double[] previousValues(int index, String measure, int limit) {
        List<Double> values = new ArrayList<>();
        for (int r = runs.size() - 1; r >= 0 && values.size() < limit; r--) {
            for (ConditionResult c : runs.get(r)) {
                if (c.index() == index && c.measure().equals(measure) && c.value() != null) {
                    values.add(c.value());
                    break;
                }
            }
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(out.length - 1 - i);
        }
        return out;
    }
}
