package io.vigil.monitor.logs;

import io.vigil.core.loggroup.LogEntry;
import java.util.Map;

/**
 * A stored entry as the log explorer returns it: with, when it is part of a flagged group, that group's id and
 * entry id range. Being in a flagged group does not make the entry itself bad.
 *
 * @param entry             the entry (identifiers raw or pseudonymised, as stored)
 * @param anomalyGroupId    the flagged group it is part of, else null
 * @param anomalyStartingAt id of that group's first entry, else null
 * @param anomalyEndingAt   id of that group's last entry, else null
 */
public record LoggedEntry(LogEntry entry, Long anomalyGroupId, Long anomalyStartingAt, Long anomalyEndingAt) {

    /** {@link LogEntry#toJson()} plus the three anomaly fields when the entry is in a flagged group. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = entry.toJson();
        if (anomalyGroupId != null) {
            out.put("anomaly_group_id", anomalyGroupId);
            out.put("anomaly_starting_at", anomalyStartingAt);
            out.put("anomaly_ending_at", anomalyEndingAt);
        }
        return out;
    }
}
