package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;

/** The numeric traffic columns a condition may aggregate; the enum, never user text, names the SQL column. */
public enum MetricField {
    RESPONSE_TIME_MS("response_time_ms"),
    REQUEST_BYTES("request_bytes"),
    RESPONSE_BYTES("response_bytes"),
    STATUS_CODE("status_code");

    private final String column;

    MetricField(String column) {
        this.column = column;
    }

    @JsonValue
    public String column() {
        return column;
    }
}
