package io.vigil.core.stream.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static String canonical(JsonNode node) {
        CanonicalJson c = new CanonicalJson();
        c.write(node);
        return new String(c.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void sortsKeysRecursivelyAndWritesCompactly() throws Exception {
        JsonNode node = JSON.readTree("{ \"b\": [1, {\"z\": null, \"a\": true}], \"a\": {\"y\": 2.5, \"x\": \"s\"} }");
        assertThat(canonical(node)).isEqualTo("{\"a\":{\"x\":\"s\",\"y\":2.5},\"b\":[1,{\"a\":true,\"z\":null}]}");
    }

    @Test
    void fieldOrderDoesNotChangeTheBytes() throws Exception {
        JsonNode one = JSON.readTree("{\"user\":\"ann\",\"id\":7,\"tags\":[\"x\",\"y\"],\"meta\":{\"q\":1,\"p\":2}}");
        JsonNode two = JSON.readTree("{\"meta\":{\"p\":2,\"q\":1},\"tags\":[\"x\",\"y\"],\"id\":7,\"user\":\"ann\"}");
        assertThat(canonical(two)).isEqualTo(canonical(one));
    }

    @Test
    void matchesJacksonOnStringsAndNumbers() throws Exception {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        node.put("ctl", "tab\there \"q\" back\\slash \u0001\u001f new\nline \b\f\r");
        node.put("utf", "é€𝄞 ünïcödé");
        node.put("int", -42);
        node.put("long", Long.MIN_VALUE);
        node.put("max", Long.MAX_VALUE);
        node.put("double", 1.0);
        node.put("tiny", 1.5e-300);
        node.put("negzero", -0.0);
        node.put("nan", Double.NaN);
        node.put("float", 0.1f);
        node.put("big", new BigInteger("123456789012345678901234567890"));
        node.put("dec", new BigDecimal("1.50E+3"));
        ArrayNode arr = node.putArray("arr");
        arr.add(false).addNull().add(3);
        assertThat(canonical(node)).isEqualTo(SORTED.writeValueAsString(sortedCopy(node)));
    }

    @Test
    void reusesItsBufferAcrossPayloads() throws Exception {
        CanonicalJson c = new CanonicalJson();
        c.write(JSON.readTree("{\"long\":\"" + "x".repeat(5000) + "\"}"));
        byte[] buffer = c.buffer();
        c.write(JSON.readTree("{\"b\":1,\"a\":2}"));
        assertThat(c.buffer()).isSameAs(buffer);
        assertThat(new String(c.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":2,\"b\":1}");
    }

    /** Jackson sorts Map keys, not ObjectNode fields: copy into TreeMaps, keeping the leaf nodes as they are. */
    private static Object sortedCopy(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> m = new TreeMap<>();
            node.fields().forEachRemaining(e -> m.put(e.getKey(), sortedCopy(e.getValue())));
            return m;
        }
        if (node.isArray()) {
            java.util.List<Object> l = new java.util.ArrayList<>();
            node.forEach(v -> l.add(sortedCopy(v)));
            return l;
        }
        return node;
    }
}
