package io.vigil.monitor.logs;

import io.vigil.core.loggroup.LogGroupSettings;
import io.vigil.core.loggroup.StateMapping;
import java.time.Duration;
import java.util.Objects;

/**
 * How request logs are stored and analysed.
 *
 * @param model                 how groups are cut and scored (group size, per product, detector, ...)
 * @param states                which states count as successful
 * @param storeRawIdentifiers   keep product, key, machine code and IP in the clear next to their pseudonyms; when
 *                              false the table holds pseudonyms only and raw values are never written
 * @param minTrainingEntries    stored entries needed before the first fit, at least twice a group
 * @param maxTrainingEntries    most recent entries a fit or refit reads, at least {@code minTrainingEntries}
 * @param refitAfter            a model older than this is refitted on recent history
 * @param refitAtMostEvery      however much traffic arrives, no refit sooner than this after the last fit: a
 *                              window of recent history barely moves in less, and a fit costs seconds of a core
 */
public record LogSettings(LogGroupSettings model, StateMapping states, boolean storeRawIdentifiers,
                          int minTrainingEntries, int maxTrainingEntries, Duration refitAfter,
                          Duration refitAtMostEvery) {
    public static final int DEFAULT_MIN_TRAINING_ENTRIES = 10_000;
    public static final int DEFAULT_MAX_TRAINING_ENTRIES = 200_000;

    public LogSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(refitAfter, "refitAfter");
        if (minTrainingEntries < 2 * model.groupSize()) {
            throw new IllegalArgumentException("log min_training_entries must be at least two groups ("
                    + 2 * model.groupSize() + "), got " + minTrainingEntries);
        }
        if (maxTrainingEntries < minTrainingEntries) {
            throw new IllegalArgumentException("log max_training_entries must be at least min_training_entries ("
                    + minTrainingEntries + "), got " + maxTrainingEntries);
        }
        if (refitAfter.isNegative() || refitAfter.isZero()) {
            throw new IllegalArgumentException("log refit_after must be positive, got " + refitAfter);
        }
        Objects.requireNonNull(refitAtMostEvery, "refitAtMostEvery");
        if (refitAtMostEvery.isNegative() || refitAtMostEvery.compareTo(refitAfter) > 0) {
            throw new IllegalArgumentException("log refit_at_most_every must be between 0 and refit_after ("
                    + refitAfter + "), got " + refitAtMostEvery);
        }
    }

    /**
     * Groups of 25 over the whole log, {@code auto}, raw identifiers kept, fit after 10,000 entries, refit weekly
     * or after as many entries as the model was trained on, but at most hourly.
     */
    public static LogSettings defaults() {
        return new LogSettings(LogGroupSettings.defaults(), StateMapping.standard(), true,
                DEFAULT_MIN_TRAINING_ENTRIES, DEFAULT_MAX_TRAINING_ENTRIES, Duration.ofDays(7), Duration.ofHours(1));
    }

    public LogSettings withModel(LogGroupSettings newModel) {
        return new LogSettings(newModel, states, storeRawIdentifiers, minTrainingEntries, maxTrainingEntries,
                refitAfter, refitAtMostEvery);
    }

    public LogSettings withStoreRawIdentifiers(boolean raw) {
        return new LogSettings(model, states, raw, minTrainingEntries, maxTrainingEntries, refitAfter,
                refitAtMostEvery);
    }

    public LogSettings withTrainingEntries(int min, int max) {
        return new LogSettings(model, states, storeRawIdentifiers, min, max, refitAfter, refitAtMostEvery);
    }

    public LogSettings withRefit(Duration after, Duration atMostEvery) {
        return new LogSettings(model, states, storeRawIdentifiers, minTrainingEntries, maxTrainingEntries, after,
                atMostEvery);
    }
}
