package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a rate condition reduces the previous results to the baseline it compares against. */
public enum Baseline {
    AVG, MIN, MAX;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
