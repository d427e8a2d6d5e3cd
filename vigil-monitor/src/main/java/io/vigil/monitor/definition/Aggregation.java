package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a run reduces the selected traffic to one number. */
public enum Aggregation {
    AVG, SUM, MIN, MAX, COUNT, P50, P95, P99;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
