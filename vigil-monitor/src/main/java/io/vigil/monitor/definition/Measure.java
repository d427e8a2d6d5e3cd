package io.vigil.monitor.definition;

/** Checks for aggregation + field pairs: every aggregation but count needs a field. */
final class Measure {
    private Measure() {
    }

    static String label(Aggregation aggregation, MetricField field) {
        return aggregation == Aggregation.COUNT ? "count" : aggregation.wireName() + "(" + field.column() + ")";
    }

    static void check(Aggregation aggregation, MetricField field) {
        FieldRules.required(aggregation, "aggregation");
        if (aggregation != Aggregation.COUNT) {
            FieldRules.required(field, "field");
        }
    }
}
