package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Active monitors run on their schedule; passive ones do not run but keep their history. */
public enum MonitorStatus {
    ACTIVE, PASSIVE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
