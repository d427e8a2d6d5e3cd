package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the change must be more or less than the configured percentage. */
public enum RateComparison {
    MORE_THAN, LESS_THAN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
