package io.vigil.monitor;

import io.vigil.monitor.definition.MonitorSpec;
import io.vigil.monitor.definition.MonitorStatus;
import java.time.Instant;

/** A stored monitor: its id, its definition and when it was created and last changed. */
public record Monitor(long id, MonitorSpec spec, Instant createdAt, Instant updatedAt) {
    public String name() {
        return spec.name();
    }

    public boolean active() {
        return spec.status() == MonitorStatus.ACTIVE;
    }
}
