package io.vigil.monitor.run;

import io.vigil.monitor.action.ActionAttempt;
import io.vigil.monitor.action.NotificationEvent;
import io.vigil.monitor.evaluate.ConditionResult;
import io.vigil.monitor.evaluate.RunResult;
import java.time.Instant;
import java.util.List;

/**
 * One analysis of a monitor (stored, or simulated by a backtest with id 0): when it fired, the traffic window,
 * the overall result, the incident event it caused, the error summary, each condition's result and every
 * notification attempt.
 */
public record MonitorRun(long id, long monitorId, Instant firedAt, Instant windowFrom, Instant windowTo,
                         RunResult result, NotificationEvent event, String error, List<ConditionResult> conditions,
                         List<ActionAttempt> actions) {
    public MonitorRun {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    public MonitorRun withActions(List<ActionAttempt> attempts) {
        return new MonitorRun(id, monitorId, firedAt, windowFrom, windowTo, result, event, error, conditions, attempts);
    }
}
