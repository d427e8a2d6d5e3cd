package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a rate condition watches for a rise or a fall against its baseline. */
public enum RateDirection {
    INCREASE, DECREASE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
