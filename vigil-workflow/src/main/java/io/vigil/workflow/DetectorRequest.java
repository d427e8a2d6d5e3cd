package io.vigil.workflow;

import java.util.List;
import java.util.Map;

/**
 * What a caller asks for when creating a named detector; {@link Detectors#create} checks every field.
 *
 * @param algorithm     a registry name or a class-style alias users know from PyOD and scikit-learn
 *                      ({@code IsolationForest}, {@code LOF}, {@code OneClassSVM}, ...)
 * @param parameters    detector parameters (numbers, strings, booleans or lists), null for none
 * @param contamination a number in (0, 0.5], the text {@code auto}, or null for 0.1
 * @param seed          random seed, null for 0
 */
public record DetectorRequest(String name, String algorithm, Map<String, Object> parameters, Object contamination,
                              List<String> columns, List<String> exclude, Long seed, String description) {
}
