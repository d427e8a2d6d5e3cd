package io.vigil.monitor.schedule;

import java.time.Instant;
import java.util.List;

/** What a cron expression means: its plain-English description and the next fire times (UTC). */
public record ScheduleDescription(String expression, String description, List<Instant> nextFires) {
    public ScheduleDescription {
        nextFires = List.copyOf(nextFires);
    }
}
