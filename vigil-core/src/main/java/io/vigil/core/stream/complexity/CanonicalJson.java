package io.vigil.core.stream.complexity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree as compact JSON with the keys of every object sorted (by UTF-16 code units, as
 * {@link String#compareTo} orders them), so the bytes of a payload never depend on the order its fields arrived in.
 * Strings are escaped and numbers printed exactly as Jackson's default generator writes them, so the output equals
 * {@code ObjectMapper.writeValueAsString} over the same tree with sorted keys.
 *
 * <p>Not thread safe: one instance owns a reusable output buffer and per-level scratch arrays, so that writing a
 * payload allocates nothing once the buffers have grown to the largest payload seen.
 */
public final class CanonicalJson {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private byte[] out = new byte[1024];
    private int length;
    /** Per nesting level, the keys and values of the object being written (reused, never shrunk). */
    private final List<String[]> keysByLevel = new ArrayList<>();
    private final List<JsonNode[]> valuesByLevel = new ArrayList<>();

    /** Serialises {@code node}; the bytes are {@code buffer()[0 .. length())} until the next call. */
    public void write(JsonNode node) {
        length = 0;
        writeNode(node, 0);
    }

    public byte[] buffer() {
        return out;
    }

    public int length() {
        return length;
    }

    /** A copy of the last output, for tests and callers that keep it. */
    public byte[] toByteArray() {
        return Arrays.copyOf(out, length);
    }

    private void writeNode(JsonNode node, int level) {
        JsonNodeType type = node.getNodeType();
        switch (type) {
            case OBJECT -> writeObject(node, level);
            case ARRAY -> {
                put((byte) '[');
                for (int i = 0, n = node.size(); i < n; i++) {
                    if (i > 0) {
                        put((byte) ',');
                    }
                    writeNode(node.get(i), level + 1);
                }
                put((byte) ']');
            }
            case STRING -> writeString(node.textValue());
            case NUMBER -> writeNumber(node);
            case BOOLEAN -> putAll(node.booleanValue() ? TRUE : FALSE);
            case NULL, MISSING -> putAll(NULL);
            case BINARY, POJO -> writeString(node.asText());
        }
    }

    private void writeObject(JsonNode node, int level) {
        int n = node.size();
        while (keysByLevel.size() <= level) {
            keysByLevel.add(new String[8]);
            valuesByLevel.add(new JsonNode[8]);
        }
        String[] keys = keysByLevel.get(level);
        JsonNode[] values = valuesByLevel.get(level);
        if (keys.length < n) {
            keys = new String[Math.max(n, keys.length * 2)];
            values = new JsonNode[keys.length];
            keysByLevel.set(level, keys);
            valuesByLevel.set(level, values);
        }
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            // Insertion sort: payload objects are small, and it needs no comparator object or extra array.
            String key = e.getKey();
            JsonNode value = e.getValue();
            int j = count++;
            while (j > 0 && keys[j - 1].compareTo(key) > 0) {
                keys[j] = keys[j - 1];
                values[j] = values[j - 1];
                j--;
            }
            keys[j] = key;
            values[j] = value;
        }
        put((byte) '{');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            writeString(keys[i]);
            put((byte) ':');
            writeNode(values[i], level + 1);
        }
        put((byte) '}');
        // Drop references so a cached payload tree is not kept alive by the scratch arrays.
        Arrays.fill(keys, 0, count, null);
        Arrays.fill(values, 0, count, null);
    }

    private void writeNumber(JsonNode node) {
        switch (node.numberType()) {
            case INT, LONG -> writeLong(node.longValue());
            case BIG_INTEGER -> writeAscii(node.bigIntegerValue().toString());
            case FLOAT -> writeFloating(Float.isFinite(node.floatValue()), Float.toString(node.floatValue()));
            case DOUBLE -> writeFloating(Double.isFinite(node.doubleValue()), Double.toString(node.doubleValue()));
            case BIG_DECIMAL -> {
                BigDecimal d = node.decimalValue();
                writeAscii(d.toString());
            }
        }
    }

    /** Jackson quotes NaN and the infinities (QUOTE_NON_NUMERIC_NUMBERS is on by default). */
    private void writeFloating(boolean finite, String text) {
        if (finite) {
            writeAscii(text);
        } else {
            writeString(text);
        }
    }

    private void writeLong(long v) {
        if (v == Long.MIN_VALUE) {
            writeAscii("-9223372036854775808");
            return;
        }
        if (v < 0) {
            put((byte) '-');
            v = -v;
        }
        ensure(20);
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = length + digits;
        for (int p = end - 1; p >= length; p--) {
            out[p] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        length = end;
    }

    private void writeAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            out[length++] = (byte) s.charAt(i);
        }
    }

    /** UTF-8 with Jackson's default escapes: {@code \" \\ \b \f \n \r \t}, other controls as backslash-u00XX. */
    private void writeString(String s) {
        int n = s.length();
        ensure(n * 6 + 2);
        byte[] b = out;
        int p = length;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                b[p++] = (byte) c;
            } else if (c < 0x80) {
                b[p++] = '\\';
                switch (c) {
                    case '"' -> b[p++] = '"';
                    case '\\' -> b[p++] = '\\';
                    case '\b' -> b[p++] = 'b';
                    case '\f' -> b[p++] = 'f';
                    case '\n' -> b[p++] = 'n';
                    case '\r' -> b[p++] = 'r';
                    case '\t' -> b[p++] = 't';
                    default -> {
                        b[p++] = 'u';
                        b[p++] = '0';
                        b[p++] = '0';
                        b[p++] = HEX[c >> 4];
                        b[p++] = HEX[c & 0xF];
                    }
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        length = p;
    }

    private void putAll(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, length, bytes.length);
        length += bytes.length;
    }

    private void put(byte b) {
        ensure(1);
        out[length++] = b;
    }

    private void ensure(int extra) {
        if (length + extra > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + extra));
        }
    }
}
