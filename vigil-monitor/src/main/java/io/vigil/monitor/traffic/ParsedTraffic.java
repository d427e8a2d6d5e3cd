package io.vigil.monitor.traffic;

import java.util.List;

/**
 * A parsed ingest body: the records that parsed, each with its position in the body, and the positions that did
 * not parse. Positions count records (array elements or non-blank NDJSON lines) from 0.
 */
public record ParsedTraffic(List<TrafficRecord> records, List<Integer> positions, List<RejectedRecord> errors) {
    public ParsedTraffic {
        records = List.copyOf(records);
        positions = List.copyOf(positions);
        errors = List.copyOf(errors);
    }

    /** Merges a store result back onto body positions, so a client sees one list of rejections indexed by its body. */
    public IngestResult withStoreResult(IngestResult stored) {
        List<RejectedRecord> all = new java.util.ArrayList<>(errors);
        for (RejectedRecord r : stored.rejected()) {
            all.add(new RejectedRecord(positions.get(r.index()), r.field(), r.message()));
        }
        all.sort(java.util.Comparator.comparingInt(RejectedRecord::index));
        return new IngestResult(stored.stored(), all);
    }
}
