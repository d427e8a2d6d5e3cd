package io.vigil.core.loggroup;

import io.vigil.core.explain.FeatureContribution;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One scored group of consecutive log entries. A flagged group is one whose requests, taken together, look unlike
 * the history; not every entry in a flagged group is bad: a group of 25 in which one customer's key fails 17 times
 * also holds 8 ordinary requests of other customers. To list a group's entries, read the log from
 * {@code startingAt} to {@code endingAt} (for a per-product model, only that product's entries in that range).
 *
 * @param id          the group's identifier: the id of its first entry, unique across groups
 * @param product     the product the group belongs to in a per-product model, else null
 * @param startingAt  id of the group's first entry
 * @param endingAt    id of its last entry
 * @param startTime   time of its first entry
 * @param endTime     time of its last entry
 * @param score       anomaly score in [0, 1], higher is more anomalous
 * @param flagged     whether the score is above the model's threshold
 * @param topFeatures the features that contributed most, largest first (empty for groups not explained)
 * @param reason      why the group stands out, in one sentence (empty for groups not explained)
 * @param stats       the counts the features and reason were computed from
 */
public record ScoredLogGroup(long id, String product, long startingAt, long endingAt, Instant startTime,
                             Instant endTime, double score, boolean flagged, List<FeatureContribution> topFeatures,
                             String reason, GroupStats stats) {

    public ScoredLogGroup {
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        topFeatures = List.copyOf(topFeatures);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(stats, "stats");
    }
}
