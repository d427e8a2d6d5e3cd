package io.vigil.monitor.logs;

import io.vigil.core.loggroup.LogEntry;
import io.vigil.monitor.traffic.RejectedRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A parsed log body: the entries that parsed (ids not yet assigned), each with its position in the body, and the
 * positions that did not parse. Positions count records (array elements, non-blank NDJSON lines, CSV data rows)
 * from 0.
 */
public record ParsedLogs(List<LogEntry> entries, List<Integer> positions, List<RejectedRecord> errors) {
    public ParsedLogs {
        entries = List.copyOf(entries);
        positions = List.copyOf(positions);
        errors = List.copyOf(errors);
    }

    /** Merges a store result back onto body positions, so a client sees one list of rejections indexed by its body. */
    public LogIngestResult withStoreResult(LogIngestResult stored) {
        List<RejectedRecord> all = new ArrayList<>(errors);
        for (RejectedRecord r : stored.rejected()) {
            all.add(new RejectedRecord(positions.get(r.index()), r.field(), r.message()));
        }
        all.sort(Comparator.comparingInt(RejectedRecord::index));
        return new LogIngestResult(stored.stored(), stored.firstId(), stored.lastId(), all);
    }
}
