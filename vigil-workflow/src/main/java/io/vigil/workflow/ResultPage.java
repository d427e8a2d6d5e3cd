package io.vigil.workflow;

import io.vigil.core.explain.FeatureContribution;
import java.util.List;
import java.util.Map;

/**
 * One page of a run's results with each row's values from the dataset.
 *
 * @param total rows matching (all, or flagged only), before paging
 * @param sort  {@code score} (descending) or {@code index}
 */
public record ResultPage(String run, long total, long offset, int limit, boolean anomaliesOnly, String sort,
                         List<String> columns, List<Row> rows) {

    /**
     * One result row; {@code values} holds the dataset's columns in order.
     *
     * @param topFeatures the row's three largest feature contributions, largest first; null for a row not
     *                    explained (not flagged, or beyond the highest-scored flagged rows a run explains)
     */
    public record Row(long index, Double score, Double rawScore, boolean isAnomaly, Map<String, Object> values,
                      List<FeatureContribution> topFeatures) {
    }
}
