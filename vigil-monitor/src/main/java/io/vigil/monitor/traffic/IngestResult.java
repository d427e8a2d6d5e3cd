package io.vigil.monitor.traffic;

import java.util.List;

/** Outcome of one ingest call: how many records are now durable and which were rejected, and why. */
public record IngestResult(int stored, List<RejectedRecord> rejected) {
    public IngestResult {
        rejected = List.copyOf(rejected);
    }
}
