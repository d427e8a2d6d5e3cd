package io.vigil.core.score;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a fitted model came from: enough to tell two models apart and to refit one.
 *
 * @param detector registry name of the detector
 * @param parameters the detector's effective parameters
 * @param rows training rows
 * @param features encoded feature count
 * @param featureNames encoded feature names, in column order
 * @param seed the seed used
 * @param vigilVersion the Vigil version that fitted it
 * @param fittedAt when it was fitted, from the clock passed in
 */
public record Provenance(String detector, Map<String, Object> parameters, int rows, int features,
                         List<String> featureNames, long seed, String vigilVersion, Instant fittedAt) {
    public Provenance {
        parameters = Map.copyOf(parameters);
        featureNames = List.copyOf(featureNames);
    }
}
