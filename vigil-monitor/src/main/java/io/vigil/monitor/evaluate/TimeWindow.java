package io.vigil.monitor.evaluate;

import java.time.Instant;

/** The half-open span [from, to) of traffic a run analyses. */
public record TimeWindow(Instant from, Instant to) {
    public TimeWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
        }
    }
}
