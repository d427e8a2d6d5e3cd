package io.vigil.core.loggroup;

import java.util.List;

/**
 * Generated licence-server traffic: the entries in id (and time) order and the incidents planted among them.
 *
 * @param entries   the requests, ids consecutive from the first id asked for
 * @param incidents the planted incidents, in the order they were asked for
 */
public record LicenceTraffic(List<LogEntry> entries, List<PlantedIncident> incidents) {
    public LicenceTraffic {
        entries = List.copyOf(entries);
        incidents = List.copyOf(incidents);
    }

    /** How many entries belong to planted incidents. */
    public int incidentEntries() {
        return incidents.stream().mapToInt(i -> i.entryIds().size()).sum();
    }
}
