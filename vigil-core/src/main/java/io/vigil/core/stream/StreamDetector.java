package io.vigil.core.stream;

import io.vigil.core.modelfile.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A detector that learns while it scores: each observation is scored against everything seen before it and then
 * folded into the model.
 *
 * <p>Ordering guarantee: implementations synchronise {@link #process} and {@link #snapshot()} on the detector, so
 * concurrent callers are applied one at a time, each observation scored against the state left by the previous
 * one, in the order the calls acquire the lock. A snapshot therefore always sits between two observations, and a
 * detector restored from it continues exactly as the original would have.
 */
public interface StreamDetector {
    /**
     * The registry type name: {@code complexity}, {@code ema_bollinger}, {@code rcf}, {@code knn_cad} or
     * {@code cad_ose}.
     */
    String type();

    /** The effective settings, canonical names, JSON-compatible values. */
    Map<String, Object> settings();

    /** Scores the observation against the current state, then learns from it. */
    StreamResult process(Observation observation);

    /** Observations processed so far. */
    long count();

    /** The whole state, settings included, in the versioned JSON envelope that {@link StreamRegistry} restores. */
    byte[] snapshot();

    /** Writes {@link #snapshot()} atomically: readers see the previous file or the new one, never a torn one. */
    default void snapshot(Path file) throws IOException {
        AtomicFiles.write(file, snapshot());
    }
}
