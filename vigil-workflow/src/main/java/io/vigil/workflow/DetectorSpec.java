package io.vigil.workflow;

import java.util.List;
import java.util.Map;

/**
 * A named detector as stored in {@code workflow/detectors/<name>.json}.
 *
 * @param algorithm     the registry name ({@code isolation_forest}, ...), whatever alias it was created with
 * @param parameters    detector parameters, checked at creation by building the detector
 * @param contamination expected share of anomalies in (0, 0.5], or null for the automatic threshold
 * @param thresholdRule {@code contamination} or {@code auto}
 * @param columns       the only columns to use, or empty for every column but the label
 * @param exclude       columns to leave out
 */
public record DetectorSpec(String name, String algorithm, Map<String, Object> parameters, Double contamination,
                           String thresholdRule, List<String> columns, List<String> exclude, long seed,
                           String description, String createdAt) {
}
