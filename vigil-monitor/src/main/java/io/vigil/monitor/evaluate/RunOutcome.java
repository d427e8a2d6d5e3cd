package io.vigil.monitor.evaluate;

import java.time.Instant;
import java.util.List;

/** An evaluated run before it is stored: when it fired, the traffic window, the overall result and each condition. */
public record RunOutcome(long monitorId, Instant firedAt, TimeWindow window, RunResult result,
                         List<ConditionResult> conditions, String error) {
    public RunOutcome {
        conditions = List.copyOf(conditions);
    }
}
