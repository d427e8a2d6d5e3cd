package io.vigil.workflow;

/**
 * One dataset column as DuckDB typed it on import.
 *
 * @param name the column name from the file
 * @param type DuckDB's type, such as {@code DOUBLE}, {@code BIGINT}, {@code VARCHAR}, {@code TIMESTAMP}
 * @param kind how detectors read it: {@code numeric} (as is), {@code boolean} (1/0), {@code temporal} (epoch
 *     seconds) or {@code text} (encoded with an inferred schema)
 */
public record ColumnInfo(String name, String type, String kind) {
    static final String NUMERIC = "numeric";
    static final String BOOLEAN = "boolean";
    static final String TEMPORAL = "temporal";
    static final String TEXT = "text";

    static String kindOf(String duckType) {
        String t = duckType.toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("DECIMAL") || t.equals("DOUBLE") || t.equals("FLOAT") || t.equals("REAL")
                || t.endsWith("INT") || t.equals("INTEGER") || t.equals("HUGEINT") || t.equals("UHUGEINT")) {
            return NUMERIC;
        }
        if (t.equals("BOOLEAN")) {
            return BOOLEAN;
        }
        if (t.equals("DATE") || t.startsWith("TIMESTAMP")) {
            return TEMPORAL;
        }
        return TEXT;
    }

    boolean numeric() {
        return NUMERIC.equals(kind);
    }
}
