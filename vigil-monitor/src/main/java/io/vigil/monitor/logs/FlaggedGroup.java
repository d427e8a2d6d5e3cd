package io.vigil.monitor.logs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of consecutive log entries the model flagged as a suspected anomaly. Not every entry in it is bad: the
 * group as a whole deviates from what the model learned, and {@code reason} says how.
 *
 * @param id          the group's id: the id of its first entry
 * @param product     the product's pseudonym when groups are cut per product, else null
 * @param startingAt  id of the group's first entry
 * @param endingAt    id of its last entry
 * @param startTime   time of the first entry
 * @param endTime     time of the last entry
 * @param requests    entries in the group
 * @param score       anomaly score in [0, 1]
 * @param reason      why the group stands out, in the vendor's terms
 * @param topFeatures the features that contributed most: feature, contribution, value, normal_value
 */
public record FlaggedGroup(long id, String product, long startingAt, long endingAt, Instant startTime,
                           Instant endTime, int requests, double score, String reason,
                           List<Map<String, Object>> topFeatures) {
    public static final String NOTE = "A flagged group deviates from normal traffic as a whole; not every entry in "
            + "it is bad.";

    public FlaggedGroup {
        topFeatures = List.copyOf(topFeatures);
    }

    /**
     * The one JSON form of a group, which {@code GET /v1/log-anomalies} and {@code vigil logs anomalies --json}
     * both write: snake_case, times as ISO-8601, the product left out when groups are not cut per product.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        if (product != null) {
            out.put("product", product);
        }
        out.put("starting_at", startingAt);
        out.put("ending_at", endingAt);
        out.put("start_time", startTime.toString());
        out.put("end_time", endTime.toString());
        out.put("requests", requests);
        out.put("score", score);
        out.put("reason", reason);
        out.put("top_features", topFeatures);
        return out;
    }
}
