package io.vigil.monitor;

import io.vigil.monitor.definition.MonitorStatus;

/**
 * List-page query: {@code text} matches name or description (case-insensitive substring), optional status and
 * environment, and paging.
 */
public record MonitorSearch(String text, MonitorStatus status, String environment, int offset, int limit) {
    public static final MonitorSearch ALL = new MonitorSearch(null, null, null, 0, 100);

    public MonitorSearch {
        if (offset < 0) {
            throw new InvalidMonitorException("offset", "offset must be at least 0");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidMonitorException("limit", "limit must be between 1 and 1000");
        }
    }
}
