package io.vigil.core.stream.bollinger;

import io.vigil.core.stream.StreamResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point against the band built from the points before it.
 *
 * @param value the observed value
 * @param ema the exponential moving average before this point
 * @param upper ema + k sd of the previous window
 * @param lower ema - k sd of the previous window
 * @param score how far beyond the band (on the configured side) in units of sd; 0 inside; infinite when sd is 0
 *              and the value leaves the band
 * @param anomaly score above 0 once a full window has been seen, outside the cooldown after an alert
 */
public record BollingerResult(double value, double ema, double upper, double lower, double score, boolean anomaly,
                              long count) implements StreamResult {
    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", StreamResult.jsonNumber(value));
        m.put("ema", StreamResult.jsonNumber(ema));
        m.put("upper", StreamResult.jsonNumber(upper));
        m.put("lower", StreamResult.jsonNumber(lower));
        m.put("score", StreamResult.jsonNumber(score));
        m.put("is_anomaly", anomaly);
        m.put("count", count);
        return m;
    }
}
