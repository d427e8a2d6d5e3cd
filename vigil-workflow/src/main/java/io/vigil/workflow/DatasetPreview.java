package io.vigil.workflow;

import java.util.List;

/** The first rows of a dataset: column names and types, then each row's values in column order. */
public record DatasetPreview(String dataset, List<ColumnInfo> columns, List<List<Object>> rows, long totalRows) {
}
