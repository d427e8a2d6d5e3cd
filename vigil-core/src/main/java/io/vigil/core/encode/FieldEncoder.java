package io.vigil.core.encode;

import io.vigil.core.data.Column;
import java.util.List;
import java.util.Map;

/** The fitted encoding of one field: immutable, writes {@link #width()} output columns per row. */
sealed interface FieldEncoder
        permits NumericField, HashField, LabelField, OneHotField, BinaryField, FrequencyField {

    String name();

    FieldType type();

    int width();

    /** One name per output column. */
    List<String> featureNames();

    /**
     * Writes this field's columns of every row into the row-major {@code out} (zero-filled on entry), row i
     * starting at {@code i * stride + offset}. A null column means the field is absent: every row is missing.
     */
    void encode(Column column, int rows, double[] out, int stride, int offset);

    /** The learned values, JSON-compatible; {@link SchemaEncoder} adds the name and type. */
    Map<String, Object> state();

    /** Learns the field from its training column. */
    static FieldEncoder fit(String name, FieldType type, Column column) {
        return switch (type) {
            case NUMERIC -> NumericField.fit(name, column);
            case HASH -> new HashField(name, HashField.BUCKETS);
            case LABEL -> LabelField.fit(name, column);
            case ONEHOT -> OneHotField.fit(name, column);
            case BINARY -> new BinaryField(name);
            case FREQUENCY -> FrequencyField.fit(name, column);
        };
    }

    static FieldEncoder fromState(String name, FieldType type, EncoderState state) {
        return switch (type) {
            case NUMERIC -> new NumericField(name, state.number("median"));
            case HASH -> HashField.fromState(name, state);
            case LABEL -> new LabelField(name, state.distinctStrings("categories"));
            case ONEHOT -> new OneHotField(name, state.distinctStrings("categories"));
            case BINARY -> new BinaryField(name);
            case FREQUENCY -> FrequencyField.fromState(name, state);
        };
    }
}
