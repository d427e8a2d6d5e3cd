package io.vigil.core.stream.cad;

import io.vigil.core.stream.StreamResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link ContextualAnomalyDetector} says about one point.
 *
 * @param value    the point's value
 * @param score    the anomaly score in [0, 1]: {@code rawScore}, or 0 within {@code rest_period} points of a raw
 *                 score at or above {@code base_threshold}, and 0 while the range is learned
 * @param rawScore the score before the rest period: 0 when every sensor fact of the point was predicted, otherwise
 *                 (1 - share of fully present contexts confirmed + share of proposed contexts that were new) / 2
 * @param anomaly  whether the point raised an alert
 * @param count    points processed, this one included
 */
public record CadResult(double value, double score, double rawScore, boolean anomaly, long count)
        implements StreamResult {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", score);
        m.put("count", count);
        m.put("is_anomaly", anomaly);
        m.put("value", StreamResult.jsonNumber(value));
        m.put("raw_score", rawScore);
        return m;
    }
}
