package io.vigil.monitor.run;

import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.Monitor;
import io.vigil.monitor.action.ActionAttempt;
import io.vigil.monitor.action.ActionDispatcher;
import io.vigil.monitor.action.NotificationEvent;
import io.vigil.monitor.definition.Condition;
import io.vigil.monitor.definition.EmaCondition;
import io.vigil.monitor.definition.MetricCondition;
import io.vigil.monitor.definition.MonitorSpec;
import io.vigil.monitor.definition.RateCondition;
import io.vigil.monitor.definition.RatioCondition;
import io.vigil.monitor.evaluate.MonitorEvaluator;
import io.vigil.monitor.evaluate.RunHistory;
import io.vigil.monitor.evaluate.RunOutcome;
import io.vigil.monitor.evaluate.RunResult;
import java.time.Instant;
import java.util.List;

/**
 * Performs one run of a monitor: evaluate against its stored history, store the run, and notify on the incident's
 * transitions only (NOT_MET→MET triggers; MET→NOT_MET recovers when the monitor asks for it), so a long incident
 * alerts once instead of at every run.
 */
public final class MonitorRunner {
    /** Extra runs fetched beyond the deepest look-back, so a few ERROR runs in between do not starve the baseline. */
    private static final int HISTORY_SLACK = 50;

    private final MonitorEvaluator evaluator;
    private final RunStore runs;
    private final ActionDispatcher dispatcher;

    public MonitorRunner(MonitorEvaluator evaluator, RunStore runs, ActionDispatcher dispatcher) {
        this.evaluator = evaluator;
        this.runs = runs;
        this.dispatcher = dispatcher;
    }

    public MonitorRun run(Monitor monitor, Instant firedAt) {
        RunHistory history = runs.history(monitor.id(), historyDepth(monitor.spec()));
        RunOutcome outcome = evaluator.evaluate(monitor, firedAt, history);
        RunResult previous = runs.lastDecisiveResult(monitor.id()).orElse(null);
        NotificationEvent event = NotificationEvent.after(previous, outcome.result());
        MonitorRun run = runs.save(outcome, event);
        if (shouldNotify(monitor.spec(), event)) {
            List<ActionAttempt> attempts = dispatcher.dispatch(monitor, run, event);
            runs.saveAttempts(run.id(), attempts);
            run = run.withActions(attempts);
        }
        return run;
    }

    /**
     * Sends a test notification through the monitor's actions (all, or the one at {@code actionIndex}) and stores
     * nothing. It carries the latest run's values when there is one, so receivers see a real payload; before the
     * first run, an empty run at {@code now}.
     *
     * @throws InvalidMonitorException when the monitor has no actions or the index is not one of them
     */
    public List<ActionAttempt> test(Monitor monitor, Integer actionIndex, Instant now) {
        int count = monitor.spec().actions().size();
        if (count == 0) {
            throw new InvalidMonitorException("actions", "monitor " + monitor.id() + " has no actions to test; add "
                    + "one with PUT /v1/monitors/" + monitor.id());
        }
        if (actionIndex != null && (actionIndex < 0 || actionIndex >= count)) {
            throw new InvalidMonitorException("index", "index must be between 0 and " + (count - 1) + " (the monitor "
                    + "has " + count + " action" + (count == 1 ? "" : "s") + "), got " + actionIndex);
        }
        MonitorRun run = runs.latest(monitor.id()).orElseGet(() -> new MonitorRun(0, monitor.id(), now, now, now,
                RunResult.MET, NotificationEvent.NONE, null, List.of(), List.of()));
        return dispatcher.test(monitor, run, actionIndex);
    }

    static boolean shouldNotify(MonitorSpec spec, NotificationEvent event) {
        if (spec.actions().isEmpty()) {
            return false;
        }
        return event == NotificationEvent.TRIGGERED || (event == NotificationEvent.RECOVERED && spec.notifyRecovery());
    }

    /** How many previous runs the conditions look back over. */
    static int historyDepth(MonitorSpec spec) {
        int depth = 1;
        for (Condition c : spec.conditions()) {
            if (c instanceof MetricCondition m) {
                depth = Math.max(depth, m.times());
            } else if (c instanceof RatioCondition r) {
                depth = Math.max(depth, r.times());
            } else if (c instanceof RateCondition r) {
                depth = Math.max(depth, r.previous());
            } else if (c instanceof EmaCondition e) {
                depth = Math.max(depth, e.points());
            }
        }
        return depth + HISTORY_SLACK;
    }
}
