package io.vigil.core.stream.knncad;

import io.vigil.core.stream.StreamResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link KnnConformal} says about one point.
 *
 * @param value          the point's value
 * @param score          share of calibration non-conformities strictly below this point's, in [0, 1]; 0 while
 *                       the training window fills
 * @param nonConformity  the point's summed squared distance to its nearest training lag vectors (NaN while the
 *                       training window fills)
 * @param anomaly        whether the point raised an alert
 * @param count          points processed, this one included
 */
public record KnnConformalResult(double value, double score, double nonConformity, boolean anomaly, long count)
        implements StreamResult {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", score);
        m.put("count", count);
        m.put("is_anomaly", anomaly);
        m.put("value", StreamResult.jsonNumber(value));
        m.put("non_conformity", StreamResult.jsonNumber(nonConformity));
        return m;
    }
}
