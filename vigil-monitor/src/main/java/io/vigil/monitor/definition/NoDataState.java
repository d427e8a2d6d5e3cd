package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a condition is when no traffic matched its query in the run's window, so there is no value to compare: an
 * ERROR that changes nothing (the default), MET (silence is the alert, as for a payments API that stopped
 * answering), or NOT_MET (quiet hours are normal). Grafana alert rules offer the same choice for "no data".
 */
public enum NoDataState {
    ERROR, MET, NOT_MET;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
