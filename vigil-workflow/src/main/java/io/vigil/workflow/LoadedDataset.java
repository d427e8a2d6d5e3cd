package io.vigil.workflow;

import io.vigil.core.data.Table;

/**
 * A dataset read for a detector: the feature columns (numeric ones as primitive arrays, text ones as values for
 * the schema encoder) and, when the dataset has a label column, one label per row (true = anomaly).
 */
public record LoadedDataset(DatasetInfo info, Table features, boolean[] labels) {
}
