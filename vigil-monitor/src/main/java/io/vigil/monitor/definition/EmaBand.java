package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which side of the Bollinger bands counts as anomalous. */
public enum EmaBand {
    ABOVE_UPPER, BELOW_LOWER, OUTSIDE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
