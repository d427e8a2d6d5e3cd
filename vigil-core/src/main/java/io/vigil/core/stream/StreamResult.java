package io.vigil.core.stream;

import java.util.Map;

/** What a stream detector says about one observation. */
public interface StreamResult {
    /** Higher is more anomalous; 0 means nothing unusual. */
    double score();

    /** Whether the detector flags the observation. */
    boolean anomaly();

    /** Observations processed, this one included. */
    long count();

    /** JSON-compatible view (snake_case keys; non-finite numbers as their names). */
    Map<String, Object> toJson();

    /** JSON numbers cannot be NaN or infinite; such values travel as strings, as Jackson writes them. */
    static Object jsonNumber(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }
}
