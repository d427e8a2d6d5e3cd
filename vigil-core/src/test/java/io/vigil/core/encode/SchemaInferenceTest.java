package io.vigil.core.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.data.Column;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

    private static FieldType typeOf(Object... values) {
        Table t = new Table(List.of(new Column.Values("f", values)), values.length);
        return SchemaEncoder.infer(t).fields().get("f");
    }

    @Test
    void numericColumnsAreNumeric() {
        Table t = Table.of(Matrix.of(new double[][] {{1, 0}, {2, 1}}));
        assertThat(SchemaEncoder.infer(t).toJson()).containsExactly(
                java.util.Map.entry("0", "numeric"), java.util.Map.entry("1", "numeric"));
    }

    @Test
    void booleansAndYesNoStringsAreBinary() {
        assertThat(typeOf(true, false, null, true)).isEqualTo(FieldType.BINARY);
        assertThat(typeOf("Yes", "no", "TRUE", "", "false")).isEqualTo(FieldType.BINARY);
        assertThat(typeOf(true, "no")).isEqualTo(FieldType.BINARY);
        // "on" is understood when encoding but is not evidence of a yes/no field when guessing
        assertThat(typeOf("on", "off", "on", "off")).isEqualTo(FieldType.LABEL);
    }

    @Test
    void numbersMixedWithNumericStringsAreNumeric() {
        assertThat(typeOf(1, "2.5", 3L, "-1e3", null, "")).isEqualTo(FieldType.NUMERIC);
        assertThat(typeOf("0", "1", "1", "0")).isEqualTo(FieldType.NUMERIC);
    }

    @Test
    void aColumnWithNothingPresentIsNumeric() {
        assertThat(typeOf(null, "", Double.NaN)).isEqualTo(FieldType.NUMERIC);
    }

    @Test
    void repeatingStringsAreLabelsAndNearlyUniqueOnesAreHashed() {
        assertThat(typeOf("get", "post", "get", "get")).isEqualTo(FieldType.LABEL);
        // 2 distinct of 4 rows is exactly half: still a label
        assertThat(typeOf("a", "b", "a", "b")).isEqualTo(FieldType.LABEL);
        // 3 distinct of 4 rows is more than half
        assertThat(typeOf("a", "b", "c", "a")).isEqualTo(FieldType.HASH);
        // missing rows do not count towards the half
        assertThat(typeOf("a", "b", null, null, "")).isEqualTo(FieldType.HASH);
        // a string among numbers makes the column categorical
        assertThat(typeOf(1, 2, "x", 1, 2, 1)).isEqualTo(FieldType.LABEL);
    }

    @Test
    void moreThanTwentyDistinctValuesAreHashedEvenWhenTheyRepeat() {
        List<Object> twenty = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            for (int k = 0; k < 20; k++) {
                twenty.add("v" + k);
            }
        }
        assertThat(typeOf(twenty.toArray())).isEqualTo(FieldType.LABEL);
        List<Object> many = new ArrayList<>(twenty);
        many.add("v20");
        many.add("v20");
        assertThat(typeOf(many.toArray())).isEqualTo(FieldType.HASH);
    }

    @Test
    void fitWithoutSchemaUsesInferredTypesInTableOrder() {
        Table t = new Table(List.of(
                new Column.Values("method", new Object[] {"GET", "POST", "GET", "GET"}),
                new Column.Numeric("bytes", new double[] {1, 2, 3, 4}),
                new Column.Values("tls", new Object[] {true, false, true, true})), 4);
        SchemaEncoder enc = SchemaEncoder.fit(t, null);
        assertThat(enc.schema()).isEqualTo(SchemaEncoder.infer(t));
        assertThat(enc.schema().toJson().values()).containsExactly("label", "numeric", "binary");
        assertThat(enc.featureNames()).containsExactly("method", "bytes", "tls");
    }
}
