package io.vigil.workflow;

import java.util.List;

/**
 * What a succeeded run found.
 *
 * @param features      encoded feature columns the detector saw
 * @param featureNames  their names (the first 100)
 * @param threshold     the 0..1 score above which a row is flagged
 * @param contamination the contamination given, or under the automatic rule the share of rows it flagged
 */
public record RunSummary(long rows, int features, List<String> featureNames, long anomalies, double anomalyRate,
                         double threshold, double contamination, String thresholdRule, long loadMillis,
                         long fitMillis, long scoreMillis, long totalMillis) {
}
