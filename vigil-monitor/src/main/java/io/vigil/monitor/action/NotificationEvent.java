package io.vigil.monitor.action;

import com.fasterxml.jackson.annotation.JsonValue;
import io.vigil.monitor.evaluate.RunResult;
import java.util.Locale;

/**
 * What a run means for the monitor's incident: TRIGGERED on the transition into MET (alerts go out once per
 * incident), RECOVERED on the transition back to NOT_MET, NONE otherwise (ERROR runs change nothing). TEST marks a
 * notification sent on request to check that the actions reach their receivers; no run ever has it.
 */
public enum NotificationEvent {
    NONE, TRIGGERED, RECOVERED, TEST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The event a run with {@code current} result causes after an incident state of {@code previous} (the last
     * non-ERROR result, null when the monitor never produced one).
     */
    public static NotificationEvent after(RunResult previous, RunResult current) {
        if (current == RunResult.MET && previous != RunResult.MET) {
            return TRIGGERED;
        }
        if (current == RunResult.NOT_MET && previous == RunResult.MET) {
            return RECOVERED;
        }
        return NONE;
    }
}
