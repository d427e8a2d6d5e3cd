package io.vigil.core.stream.rcf;

import io.vigil.core.stream.StreamResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the thresholded random cut forest says about one point.
 *
 * @param rcfScore the forest's raw anomaly score (about 1 for ordinary points, 0 during warm-up)
 * @param grade the thresholder's anomaly grade in [0, 1]; above 0 means flagged
 * @param confidence the library's data confidence
 * @param attribution per input feature, the share of the score (high plus low directions) for the current time
 *                    step; empty unless flagged (the library
 *                    explains graded points only)
 * @param expectedValues per input feature, what the forest expected instead; empty unless flagged
 * @param relativeIndex 0 when the anomaly is the current point, -j when it is j points back in the shingle
 * @param anomaly graded above 0 and not within the cooldown after the previous alert
 */
public record RcfResult(double rcfScore, double grade, double confidence, double[] attribution,
                        double[] expectedValues, int relativeIndex, boolean anomaly, long count)
        implements StreamResult {
    @Override
    public double score() {
        return rcfScore;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", StreamResult.jsonNumber(rcfScore));
        m.put("grade", StreamResult.jsonNumber(grade));
        m.put("is_anomaly", anomaly);
        m.put("confidence", StreamResult.jsonNumber(confidence));
        m.put("attribution", list(attribution));
        m.put("expected_values", list(expectedValues));
        m.put("relative_index", relativeIndex);
        m.put("count", count);
        return m;
    }

    private static List<Object> list(double[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(StreamResult.jsonNumber(v));
        }
        return out;
    }
}
