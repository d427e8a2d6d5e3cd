package io.vigil.workflow;

import java.util.List;

/**
 * Statistics of one dataset column.
 *
 * @param count     non-missing values
 * @param missing   missing (null) values
 * @param distinct  distinct non-missing values
 * @param min       smallest value (a number for numeric columns, else text), null when all are missing
 * @param max       largest value, as min
 * @param mean      mean of a numeric column, else null
 * @param std       sample standard deviation of a numeric column, else null
 * @param topValues the most frequent values of a non-numeric column with their counts, else null
 */
public record ColumnStats(String name, String type, String kind, long count, long missing, long distinct,
                          Object min, Object max, Double mean, Double std, List<ValueCount> topValues) {

    /** One value and how many rows have it. */
    public record ValueCount(String value, long count) {
    }
}
