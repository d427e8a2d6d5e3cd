package io.vigil.workflow;

import java.util.List;

/**
 * A stored dataset's metadata, the {@code dataset.json} next to its Parquet file.
 *
 * @param id          the dataset's name, which is also its directory name
 * @param name        as given on import
 * @param createdAt   ISO-8601 instant of the import
 * @param rows        data rows
 * @param columns     every column in file order, label included
 * @param labelColumn the column of known labels (1 = anomaly), or null when the dataset has none
 * @param source      where it came from: a file name, {@code upload}, or what a caller passed (e.g. a sample)
 * @param format      the imported format, {@code csv} or {@code parquet}
 * @param sizeBytes   size of the stored Parquet file
 */
public record DatasetInfo(String id, String name, String createdAt, long rows, List<ColumnInfo> columns,
                          String labelColumn, String source, String format, long sizeBytes) {

    public ColumnInfo column(String columnName) {
        for (ColumnInfo c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }
}
