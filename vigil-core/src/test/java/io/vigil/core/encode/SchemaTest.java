package io.vigil.core.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaTest {

    @Test
    void fieldTypesHaveLowerCaseJsonNamesAndParseIgnoringCase() {
        assertThat(FieldType.ONEHOT.jsonName()).isEqualTo("onehot");
        assertThat(FieldType.parse("NUMERIC")).isEqualTo(FieldType.NUMERIC);
        assertThat(FieldType.parse(" Frequency ")).isEqualTo(FieldType.FREQUENCY);
        for (FieldType t : FieldType.values()) {
            assertThat(FieldType.parse(t.jsonName())).isEqualTo(t);
        }
    }

    @Test
    void unknownTypeNamesTheValueAndListsValidTypes() {
        assertThatThrownBy(() -> FieldType.parse("categorical"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("\"categorical\"")
                .hasMessageContaining("numeric, hash, label, onehot, binary, frequency");
    }

    @Test
    void parseKeepsFieldOrderAndRoundTripsThroughJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("zeta", "numeric");
        json.put("alpha", "OneHot");
        json.put("mid", "hash");
        Schema schema = Schema.parse(json);
        assertThat(schema.fields().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(schema.fields().values()).containsExactly(FieldType.NUMERIC, FieldType.ONEHOT, FieldType.HASH);
        assertThat(schema.toJson()).containsExactly(
                Map.entry("zeta", "numeric"), Map.entry("alpha", "onehot"), Map.entry("mid", "hash"));
        assertThat(Schema.parse(schema.toJson())).isEqualTo(schema);
    }

    @Test
    void badTypeIsReportedAgainstTheField() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bytes", "numeric");
        json.put("method", "enum");
        assertThatThrownBy(() -> Schema.parse(json))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("schema.method"))
                .hasMessageContaining("method")
                .hasMessageContaining("\"enum\"")
                .hasMessageContaining("onehot");
    }

    @Test
    void nonStringOrNullTypeIsReportedAgainstTheField() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("port", 7);
        assertThatThrownBy(() -> Schema.parse(json))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("schema.port"));
        Map<String, Object> nullType = new LinkedHashMap<>();
        nullType.put("host", null);
        assertThatThrownBy(() -> Schema.parse(nullType))
                .isInstanceOfSatisfying(InvalidSchemaException.class,
                        e -> assertThat(e.param()).isEqualTo("schema.host"));
        assertThatThrownBy(() -> Schema.parse(null)).isInstanceOf(InvalidSchemaException.class);
    }

    @Test
    void fieldsAreCopiedAndUnmodifiable() {
        Map<String, FieldType> source = new LinkedHashMap<>();
        source.put("a", FieldType.LABEL);
        Schema schema = new Schema(source);
        source.put("b", FieldType.HASH);
        assertThat(schema.fields()).containsOnlyKeys("a");
        assertThatThrownBy(() -> schema.fields().put("c", FieldType.HASH))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
