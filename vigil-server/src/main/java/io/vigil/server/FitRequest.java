package io.vigil.server;

import io.vigil.core.encode.Schema;
import java.util.Map;

/**
 * A validated fit request.
 *
 * @param model               model name, checked against {@link ModelStore#MODEL_NAME}
 * @param backend             detector registry name
 * @param data                training rows
 * @param schema              the encoding schema, or null to infer one
 * @param contamination       expected anomaly share in (0, 0.5], or NaN for "auto"
 * @param seed                random seed
 * @param calibrationFraction share of rows held out for conformal p-values, 0 for none
 * @param parameters          detector parameters, passed through as given
 */
public record FitRequest(String model, String backend, RequestData data, Schema schema, double contamination,
                         long seed, double calibrationFraction, Map<String, Object> parameters) {
    public FitRequest {
        parameters = Map.copyOf(parameters);
    }
}
