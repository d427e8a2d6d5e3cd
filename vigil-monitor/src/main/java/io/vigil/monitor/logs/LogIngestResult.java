package io.vigil.monitor.logs;

import io.vigil.monitor.traffic.RejectedRecord;
import java.util.List;

/**
 * Outcome of one log ingest: how many entries are now durable, the ids they were given (consecutive, in the order
 * sent; both 0 when none was stored) and which records were rejected, and why.
 */
public record LogIngestResult(int stored, long firstId, long lastId, List<RejectedRecord> rejected) {
    public LogIngestResult {
        rejected = List.copyOf(rejected);
    }
}
