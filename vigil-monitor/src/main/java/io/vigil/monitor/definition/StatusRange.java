package io.vigil.monitor.definition;

import io.vigil.monitor.InvalidMonitorException;

/** Inclusive range of HTTP status codes, e.g. 500-599. */
public record StatusRange(Integer from, Integer to) {
    public StatusRange {
        FieldRules.atLeast(from, 0, 100, 599, "from");
        FieldRules.atLeast(to, 0, 100, 599, "to");
        if (from > to) {
            throw new InvalidMonitorException("to", "to (" + to + ") must not be below from (" + from + ")");
        }
    }
}
