package io.vigil.monitor.traffic;

/** A record that was not stored: its position in the request, the offending field and what to fix. */
public record RejectedRecord(int index, String field, String message) {
}
