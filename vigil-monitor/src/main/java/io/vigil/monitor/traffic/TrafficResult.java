package io.vigil.monitor.traffic;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the gateway disposed of a request: served successfully, failed (4xx/5xx or upstream error) or blocked by policy. */
public enum TrafficResult {
    SUCCESS, FAILED, BLOCKED;

    /** The lower-case name used in JSON and in the database. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code success}, {@code failed} or {@code blocked} (any case); null when it is none of them. */
    public static TrafficResult parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "success" -> SUCCESS;
            case "failed" -> FAILED;
            case "blocked" -> BLOCKED;
            default -> null;
        };
    }
}
