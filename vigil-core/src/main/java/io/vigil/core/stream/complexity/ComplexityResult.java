package io.vigil.core.stream.complexity;

import io.vigil.core.stream.StreamResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The complexity of one payload.
 *
 * @param complexity how many standard deviations the payload's bits per byte lie from the running mean
 * @param count payloads processed, this one included
 * @param bits the payload's cost in bits per byte under the model before it learnt this payload
 * @param anomaly complexity at least the threshold once {@code min_count} payloads have been seen
 */
public record ComplexityResult(double complexity, long count, double bits, boolean anomaly) implements StreamResult {
    @Override
    public double score() {
        return complexity;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("complexity", complexity);
        m.put("count", count);
        m.put("bits", bits);
        m.put("is_anomaly", anomaly);
        return m;
    }
}
