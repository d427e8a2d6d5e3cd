package io.vigil.workflow;

import java.util.List;

/**
 * What a succeeded run found.
 *
 * @param features      encoded feature columns the detector saw
 * @param featureNames  their names (the first 100)
 * @param ignoredColumns text columns left out as identifiers, a value of their own in every row
 *                      ({@link io.vigil.core.encode.IdentifierColumns}); never any when the detector names its columns
 * @param threshold     the 0..1 score above which a row is flagged
 * @param contamination the contamination given, or under the automatic rule the share of rows it flagged
 */
public record RunSummary(long rows, int features, List<String> featureNames, List<String> ignoredColumns,
                         long anomalies, double anomalyRate, double threshold, double contamination,
                         String thresholdRule, long loadMillis, long fitMillis, long scoreMillis, long totalMillis) {
    public RunSummary {
        // Runs stored before identifiers were left out have no such list.
        ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
    }
}
