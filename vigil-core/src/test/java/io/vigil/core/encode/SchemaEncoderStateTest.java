package io.vigil.core.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.data.Column;
import io.vigil.core.data.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaEncoderStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Training and scoring data for a field: awkward numbers, repeats, missing values, unseen values. */
    private static Table data(String name, long seed, int rows) {
        Random rnd = new Random(seed);
        Object[] v = new Object[rows];
        for (int i = 0; i < rows; i++) {
            int pick = rnd.nextInt(10);
            v[i] = switch (pick) {
                case 0 -> null;
                case 1 -> "";
                case 2 -> rnd.nextDouble() * 1e-3 + 1.0 / 3.0;
                case 3 -> "yes";
                case 4 -> Integer.toString(rnd.nextInt(80));
                default -> rnd.nextInt(70);
            };
        }
        return new Table(List.of(new Column.Values(name, v)), rows);
    }

    private static Map<String, Object> viaJson(Map<String, Object> state) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(state), new TypeReference<Map<String, Object>>() { });
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(FieldType.class)
    void everyTypeRestoresToBitIdenticalOutput(FieldType type) throws Exception {
        // numeric fields need numbers only: keep the numeric draws of the generator
        Table train = type == FieldType.NUMERIC ? numericOnly(data("f", 1, 500)) : data("f", 1, 500);
        Table score = type == FieldType.NUMERIC ? numericOnly(data("f", 2, 300)) : data("f", 2, 300);
        SchemaEncoder fitted = SchemaEncoder.fit(train, new Schema(Map.of("f", type)));
        SchemaEncoder direct = SchemaEncoder.fromState(fitted.state());
        SchemaEncoder json = SchemaEncoder.fromState(viaJson(fitted.state()));
        double[] expected = fitted.encode(score).values();
        assertThat(bits(direct.encode(score).values())).containsExactly(bits(expected));
        assertThat(bits(json.encode(score).values())).containsExactly(bits(expected));
        assertThat(json.featureNames()).isEqualTo(fitted.featureNames());
        assertThat(json.schema()).isEqualTo(fitted.schema());
        assertThat(JSON.writeValueAsString(json.state())).isEqualTo(JSON.writeValueAsString(fitted.state()));
    }

    private static Table numericOnly(Table t) {
        Object[] v = ((Column.Values) t.columns().get(0)).values().clone();
        for (int i = 0; i < v.length; i++) {
            if ("yes".equals(v[i])) {
                v[i] = null;
            }
        }
        return new Table(List.of(new Column.Values("f", v)), v.length);
    }

    @Test
    void stateIsJsonCompatibleAndVersioned() throws Exception {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (FieldType t : FieldType.values()) {
            fields.put(t.jsonName(), t);
        }
        List<Column> cols = new ArrayList<>();
        for (String name : fields.keySet()) {
            cols.add(new Column.Values(name, new Object[] {"1", "0", "1", null}));
        }
        SchemaEncoder enc = SchemaEncoder.fit(new Table(cols, 4), new Schema(fields));
        Map<String, Object> state = enc.state();
        assertThat(state.get("version")).isEqualTo(1);
        assertJsonCompatible(state);
        assertThat(JSON.writeValueAsString(viaJson(state))).isEqualTo(JSON.writeValueAsString(state));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) state.get("fields");
        assertThat(list).extracting(m -> m.get("name")).containsExactly(fields.keySet().toArray());
        assertThat(list).extracting(m -> m.get("type")).containsExactly(
                "numeric", "hash", "label", "onehot", "binary", "frequency");
    }

    private static void assertJsonCompatible(Object v) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                assertThat(k).isInstanceOf(String.class);
                assertJsonCompatible(x);
            });
        } else if (v instanceof List<?> l) {
            l.forEach(SchemaEncoderStateTest::assertJsonCompatible);
        } else {
            assertThat(v).isInstanceOfAny(String.class, Number.class, Boolean.class);
        }
    }

    @Test
    void unknownOrMissingVersionIsRefused() {
        SchemaEncoder enc = SchemaEncoder.fit(SchemaEncoderTest.values("a", 1, 2), null);
        Map<String, Object> future = new LinkedHashMap<>(enc.state());
        future.put("version", 2);
        assertThatThrownBy(() -> SchemaEncoder.fromState(future))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("state.version"))
                .hasMessageContaining("version 2")
                .hasMessageContaining("reads version 1");
        Map<String, Object> none = new LinkedHashMap<>(enc.state());
        none.remove("version");
        assertThatThrownBy(() -> SchemaEncoder.fromState(none))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("state.version"));
    }

    @Test
    void malformedStateNamesTheBadEntry() {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", "bytes");
        field.put("type", "numeric");
        field.put("median", "three");
        Map<String, Object> state = Map.of("version", 1, "fields", List.of(field));
        assertThatThrownBy(() -> SchemaEncoder.fromState(state))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("state.fields[0].median"));
        field.put("median", 1.5);
        field.put("type", "vector");
        assertThatThrownBy(() -> SchemaEncoder.fromState(state))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("state.fields[0].type"))
                .hasMessageContaining("\"vector\"");
        Map<String, Object> freq = new LinkedHashMap<>();
        freq.put("name", "f");
        freq.put("type", "frequency");
        freq.put("values", List.of("a", "b"));
        freq.put("counts", List.of(1));
        freq.put("missing_count", 0);
        freq.put("rows", 1);
        assertThatThrownBy(() -> SchemaEncoder.fromState(Map.of("version", 1, "fields", List.of(freq))))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("state.fields[0].counts"));
        freq.put("counts", List.of(1, 1));
        assertThatThrownBy(() -> SchemaEncoder.fromState(Map.of("version", 1, "fields", List.of(freq))))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("state.fields[0].rows"));
        field.put("type", "numeric");
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("name", "m");
        label.put("type", "onehot");
        label.put("categories", List.of("get", "post", "get"));
        assertThatThrownBy(() -> SchemaEncoder.fromState(Map.of("version", 1, "fields", List.of(field, label))))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("state.fields[1].categories[2]"))
                .hasMessageContaining("\"get\"");
    }
}
