package io.vigil.core.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.data.Column;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaEncoderTest {

    static Table values(String name, Object... values) {
        return new Table(List.of(new Column.Values(name, values)), values.length);
    }

    static Schema schema(String name, FieldType type) {
        return new Schema(Map.of(name, type));
    }

    static double[] encodeOne(SchemaEncoder enc, String name, Object... values) {
        return enc.encode(values(name, values)).values();
    }

    @Test
    void numericPassesNumbersParsesStringsAndFillsMissingWithTheTrainingMedian() {
        SchemaEncoder enc = SchemaEncoder.fit(values("x", 1, "4", 2.5, null, "", 10L, Double.NaN),
                schema("x", FieldType.NUMERIC));
        // present training values 1, 4, 2.5, 10: median (2.5 + 4) / 2
        assertThat(enc.state().toString()).contains("median=3.25");
        assertThat(encodeOne(enc, "x", 7, "-2e1", true, false, null, "  ", Double.NaN, " 8 "))
                .containsExactly(7, -20, 1, 0, 3.25, 3.25, 3.25, 8);
        // an absent field is missing everywhere
        assertThat(enc.encode(values("other", "a", "b")).values()).containsExactly(3.25, 3.25);
    }

    @Test
    void numericMedianOfOddCountAndOfNothing() {
        SchemaEncoder odd = SchemaEncoder.fit(Table.of(Matrix.of(new double[][] {{5}, {1}, {Double.NaN}, {3}})),
                schema("0", FieldType.NUMERIC));
        assertThat(odd.encode(Table.of(Matrix.of(new double[][] {{Double.NaN}, {9}}))).values())
                .containsExactly(3, 9);
        SchemaEncoder none = SchemaEncoder.fit(values("x", null, ""), schema("x", FieldType.NUMERIC));
        assertThat(encodeOne(none, "x", null, 2)).containsExactly(0, 2);
    }

    @Test
    void withSeveralBadFieldsTheFirstInSchemaOrderIsReportedWhateverTheThreads() {
        List<String> names = List.of("a", "b", "c", "d", "e", "f");
        java.util.List<Column> columns = new java.util.ArrayList<>();
        java.util.LinkedHashMap<String, FieldType> types = new java.util.LinkedHashMap<>();
        for (String name : names) {
            // Only c and f are bad; fields learn in parallel, and c must win every time.
            Object bad = name.equals("c") || name.equals("f") ? "x" : "9";
            columns.add(new Column.Values(name, new Object[] {"1", bad}));
            types.put(name, FieldType.NUMERIC);
        }
        Table table = new Table(columns, 2);
        for (int trial = 0; trial < 20; trial++) {
            assertThatThrownBy(() -> SchemaEncoder.fit(table, new Schema(types)))
                    .isInstanceOfSatisfying(InvalidSchemaException.class,
                            e -> assertThat(e.param()).isEqualTo("data[1].c"));
        }
    }

    @Test
    void nonNumericValueInANumericFieldNamesFieldAndRow() {
        assertThatThrownBy(() -> SchemaEncoder.fit(values("bytes", 1, 2, "3", "lots"),
                schema("bytes", FieldType.NUMERIC)))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("data[3].bytes"))
                .hasMessageContaining("\"bytes\"")
                .hasMessageContaining("row 3")
                .hasMessageContaining("\"lots\"")
                .hasMessageContaining("must be a number");
        SchemaEncoder enc = SchemaEncoder.fit(values("bytes", 1, 2), schema("bytes", FieldType.NUMERIC));
        assertThatThrownBy(() -> encodeOne(enc, "bytes", 1, "0x10"))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("data[1].bytes"));
        assertThatThrownBy(() -> encodeOne(enc, "bytes", "12f"))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("data[0].bytes"));
    }

    @Test
    void hashIsMd5BucketOfTheStringFormAndMinusOneWhenMissing() {
        SchemaEncoder enc = SchemaEncoder.fit(values("user", "alice"), schema("user", FieldType.HASH));
        // expected buckets from Python: int.from_bytes(md5(s.encode()).digest()[:8], "big") % 2**20
        assertThat(encodeOne(enc, "user", "alice", "bob", "héllo", 3, 3.0, true, null, ""))
                .containsExactly(773109, 991690, 151539, 844542, 844542, 986729, -1, -1);
        assertThat(SchemaEncoder.HASH_BUCKETS).isEqualTo(1_048_576L);
        assertThat(enc.encode(values("other", "alice")).values()).containsExactly(-1);
    }

    @Test
    void labelIndexesSortedTrainingValuesAndUnseenOrMissingIsMinusOne() {
        SchemaEncoder enc = SchemaEncoder.fit(values("m", "put", "get", "post", "get", null, 7),
                schema("m", FieldType.LABEL));
        // sorted string forms: "7", "get", "post", "put"
        assertThat(encodeOne(enc, "m", "get", "post", "put", 7, 7.0, "7", "delete", null, "", "GET"))
                .containsExactly(1, 2, 3, 0, 0, 0, -1, -1, -1, -1);
        assertThat(enc.features()).isEqualTo(1);
        assertThat(enc.encode(values("other", "get")).values()).containsExactly(-1);
    }

    @Test
    void onehotWritesOneColumnPerSortedCategoryAndZerosForUnseenOrMissing() {
        SchemaEncoder enc = SchemaEncoder.fit(values("c", "red", "blue", "red", null, "green"),
                schema("c", FieldType.ONEHOT));
        assertThat(enc.featureNames()).containsExactly("c=blue", "c=green", "c=red");
        assertThat(encodeOne(enc, "c", "red", "blue", "purple", null, "green"))
                .containsExactly(0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(enc.encode(values("other", "red")).values()).containsExactly(0, 0, 0);
    }

    @Test
    void onehotKeepsTheFiftyMostFrequentCategoriesTiesBrokenByValue() {
        List<Object> train = new ArrayList<>();
        // c00..c39 appear 3 times, c40..c69 twice: the 40 frequent ones plus the 10 smallest of the rest stay
        for (int k = 0; k < 70; k++) {
            for (int r = 0; r < (k < 40 ? 3 : 2); r++) {
                train.add(String.format("c%02d", k));
            }
        }
        SchemaEncoder enc = SchemaEncoder.fit(values("c", train.toArray()), schema("c", FieldType.ONEHOT));
        assertThat(enc.features()).isEqualTo(SchemaEncoder.ONEHOT_MAX_CATEGORIES).isEqualTo(50);
        assertThat(enc.featureNames()).first().isEqualTo("c=c00");
        assertThat(enc.featureNames()).last().isEqualTo("c=c49");
        assertThat(enc.featureNames()).doesNotContain("c=c50");
        double[] capped = encodeOne(enc, "c", "c60");
        assertThat(capped).containsOnly(0.0);
        double[] kept = encodeOne(enc, "c", "c45");
        assertThat(kept[45]).isEqualTo(1.0);
        assertThat(java.util.Arrays.stream(kept).sum()).isEqualTo(1.0);
    }

    @Test
    void binaryReadsYesNoWordsAndPutsUnknownHalfway() {
        SchemaEncoder enc = SchemaEncoder.fit(values("b", true, false), schema("b", FieldType.BINARY));
        assertThat(encodeOne(enc, "b", "true", "YES", "y", "1", "On", "t", true, 5, -0.1))
                .containsOnly(1.0).hasSize(9);
        assertThat(encodeOne(enc, "b", "false", "No", "N", "0", "off", "F", false, 0, 0.0))
                .containsOnly(0.0).hasSize(9);
        assertThat(encodeOne(enc, "b", "maybe", null, "", Double.NaN, "2"))
                .containsOnly(0.5).hasSize(5);
        assertThat(enc.encode(Table.of(Matrix.of(new double[][] {{3}, {0}, {Double.NaN}})))
                .values()).containsExactly(0.5, 0.5, 0.5); // field "b" absent from a positional table
    }

    @Test
    void frequencyIsTheTrainingShareWithMissingAsItsOwnValue() {
        SchemaEncoder enc = SchemaEncoder.fit(values("f", "a", "a", "b", null, "a", ""),
                schema("f", FieldType.FREQUENCY));
        assertThat(encodeOne(enc, "f", "a", "b", null, "", "zzz"))
                .containsExactly(3 / 6.0, 1 / 6.0, 2 / 6.0, 2 / 6.0, 0.0);
        SchemaEncoder noMissing = SchemaEncoder.fit(values("f", "a", "b"), schema("f", FieldType.FREQUENCY));
        assertThat(encodeOne(noMissing, "f", null, "a")).containsExactly(0.0, 0.5);
    }

    @Test
    void encodesBySchemaOrderAndNameIgnoringExtraColumns() {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        fields.put("tls", FieldType.BINARY);
        fields.put("method", FieldType.ONEHOT);
        fields.put("bytes", FieldType.NUMERIC);
        Table train = new Table(List.of(
                new Column.Numeric("bytes", new double[] {10, 20}),
                new Column.Values("method", new Object[] {"GET", "POST"}),
                new Column.Values("ignored", new Object[] {"x", "y"}),
                new Column.Values("tls", new Object[] {"yes", "no"})), 2);
        SchemaEncoder enc = SchemaEncoder.fit(train, new Schema(fields));
        assertThat(enc.featureNames()).containsExactly("tls", "method=GET", "method=POST", "bytes");
        assertThat(enc.features()).isEqualTo(4);
        assertThat(enc.schema()).isEqualTo(new Schema(fields));
        List<Map<String, ?>> records = new ArrayList<>();
        Map<String, Object> r = new HashMap<>();
        r.put("bytes", 99);
        r.put("method", "POST");
        r.put("extra", "whatever");
        records.add(r);
        Matrix m = enc.encode(Table.ofRecords(records));
        assertThat(m.rows()).isEqualTo(1);
        assertThat(m.values()).containsExactly(0.5, 0, 1, 99);
    }

    @Test
    void schemaFieldMissingFromTrainingDataIsNamed() {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        fields.put("a", FieldType.NUMERIC);
        fields.put("nope", FieldType.LABEL);
        assertThatThrownBy(() -> SchemaEncoder.fit(values("a", 1, 2), new Schema(fields)))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("schema.nope"))
                .hasMessageContaining("\"nope\"");
    }

    @Test
    void emptySchemaOrNoRowsIsRefused() {
        assertThatThrownBy(() -> SchemaEncoder.fit(values("a", 1), new Schema(Map.of())))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("no fields");
        assertThatThrownBy(() -> SchemaEncoder.fit(values("a"), schema("a", FieldType.NUMERIC)))
                .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("no rows");
    }

    @Test
    void featureNamesAndOutputShapeAgree() {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (FieldType t : FieldType.values()) {
            fields.put(t.jsonName(), t);
        }
        List<Column> cols = new ArrayList<>();
        for (String name : fields.keySet()) {
            cols.add(new Column.Values(name, new Object[] {"1", "0", "1"}));
        }
        SchemaEncoder enc = SchemaEncoder.fit(new Table(cols, 3), new Schema(fields));
        assertThat(enc.featureNames())
                .containsExactly("numeric", "hash", "label", "onehot=0", "onehot=1", "binary", "frequency");
        Matrix m = enc.encode(new Table(cols, 3));
        assertThat(m.cols()).isEqualTo(enc.features()).isEqualTo(7);
        assertThat(m.row(0)).containsExactly(1, 598914, 1, 0, 1, 1, 2 / 3.0);
    }
}
