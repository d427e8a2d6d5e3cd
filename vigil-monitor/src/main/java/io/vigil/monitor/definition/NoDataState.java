package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a condition is when no traffic matched in the run's window, so there is no value to compare (metric, rate
 * and EMA conditions: the query and filter; ratio: the query): an ERROR that changes nothing (the default), MET
 * (silence is the alert, as for an average-latency condition on a payments API that stopped answering), or NOT_MET
 * (quiet hours are normal). A count or sum over no traffic is 0, a value, so it never reaches this choice. Grafana
 * alert rules offer the same choice for "no data".
 */
public enum NoDataState {
    ERROR, MET, NOT_MET;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
