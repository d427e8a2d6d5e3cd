package io.vigil.monitor.logs;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.json.JsonSyntax;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.StateMapping;
import io.vigil.monitor.traffic.IsoInstant;
import io.vigil.monitor.traffic.RejectedRecord;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a log ingest body: a JSON array of entries, a single entry, {@code {"entries": [...]}}, or NDJSON (one
 * entry per line). An entry that does not parse (bad JSON line, unknown field, wrong type, missing time or state)
 * is reported with its position and field, and the rest still parse.
 *
 * <p>Fields: {@code time} (ISO-8601 string or epoch milliseconds, required), {@code state} (integer outcome code,
 * required), {@code product}, {@code key}, {@code machine_code}, {@code ip}, {@code country}, {@code method},
 * {@code endpoint} (text), {@code attributes} (object of scalar values, kept as strings). {@code id} is assigned on
 * ingest and {@code successful} derived from the state, so neither is accepted.
 */
public final class LogJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final List<String> TEXT_FIELDS = List.of("product", "key", "machine_code", "ip", "country", "method",
            "endpoint");
    static final Set<String> FIELDS = Set.of("time", "state", "product", "key", "machine_code", "ip", "country",
            "method", "endpoint", "attributes");

    private LogJson() {
    }

    public static ParsedLogs parse(byte[] body, StateMapping states) {
        List<LogEntry> entries = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<RejectedRecord> errors = new ArrayList<>();
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '[') {
            // Arrays stream straight into entries: no tree of the whole body is built.
            parseArray(body, states, entries, positions, errors);
            return new ParsedLogs(entries, positions, errors);
        }
        if (severalValues(body, first)) {
            // NDJSON: not first read as one JSON value, which would parse its first line twice.
            return NdjsonLines.parse(body, states);
        }
        JsonNode whole = null;
        try {
            whole = MAPPER.readTree(body);
        } catch (IOException e) {
            // Not one JSON value: NDJSON whose first line is not one object, or broken JSON reported line by line.
        }
        if (whole != null && whole.isObject() && whole.has("entries") && whole.size() == 1) {
            whole = whole.get("entries");
        }
        if (whole != null && whole.isArray()) {
            for (int i = 0; i < whole.size(); i++) {
                collectNode(i, whole.get(i), states, entries, positions, errors);
            }
        } else if (whole != null && whole.isObject()) {
            collectNode(0, whole, states, entries, positions, errors);
        } else if (whole != null && !whole.isMissingNode()) {
            errors.add(new RejectedRecord(0, "body", "body must be a JSON object, an array of objects or NDJSON"));
        } else {
            return NdjsonLines.parse(body, states);
        }
        return new ParsedLogs(entries, positions, errors);
    }

    /**
     * Whether the body is certainly more than one JSON value, told from its first line without parsing it: that
     * line opens an object that closes on it, and something other than whitespace follows. Only brackets outside
     * strings are counted, which finds where an object ends exactly when the text is valid JSON; when it is not,
     * the body is not one value either way. Anything this cannot tell is read as one value first, as before.
     */
    static boolean severalValues(byte[] body, int first) {
        if (first >= body.length || body[first] != '{') {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = first; i < body.length && body[i] != '\n'; i++) {
            byte b = body[i];
            if (b == 0) {
                return false; // UTF-16 or UTF-32, whose bytes are not characters
            } else if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                for (int j = i + 1; j < body.length; j++) {
                    if (body[j] != ' ' && body[j] != '\t' && body[j] != '\r' && body[j] != '\n') {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static void parseArray(byte[] body, StateMapping states, List<LogEntry> entries, List<Integer> positions,
                                   List<RejectedRecord> errors) {
        int index = 0;
        try (JsonParser p = MAPPER.getFactory().createParser(body)) {
            p.nextToken();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new JsonParseException(p, "the array is not closed");
                }
                collect(index, p, states, entries, positions, errors);
                index++;
            }
            if (p.nextToken() != null) {
                errors.add(new RejectedRecord(index, "body", "nothing may follow the array of entries"));
            }
        } catch (IOException e) {
            String detail = JsonSyntax.messageWithLocation(e);
            errors.add(new RejectedRecord(index, "body", "malformed JSON from entry " + index + " on: " + detail));
        }
    }

    private static void collectNode(int index, JsonNode node, StateMapping states, List<LogEntry> entries,
                                    List<Integer> positions, List<RejectedRecord> errors) {
        try (JsonParser p = node.traverse(MAPPER)) {
            collect(index, p, states, entries, positions, errors);
        } catch (IOException e) {
            throw new IllegalStateException("reading a parsed JSON tree failed", e);
        }
    }

    /** Reads the value the parser is on as one entry, reporting it as accepted or rejected at {@code index}. */
    private static void collect(int index, JsonParser p, StateMapping states, List<LogEntry> entries,
                                List<Integer> positions, List<RejectedRecord> errors) throws IOException {
        if (p.currentToken() == null) {
            p.nextToken();
        }
        try {
            entries.add(readEntry(p, states));
            positions.add(index);
        } catch (FieldException e) {
            errors.add(new RejectedRecord(index, e.field, e.getMessage()));
        }
    }

    /**
     * Reads the entry the parser is on to its end; a field that cannot be read is reported after the whole
     * object is consumed, so the next entry starts where it should.
     */
    static LogEntry readEntry(JsonParser p, StateMapping states) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw new FieldException("entry", "each entry must be a JSON object");
        }
        FieldException error = null;
        Instant time = null;
        Integer state = null;
        String[] text = new String[TEXT_FIELDS.size()];
        Map<String, String> attributes = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            try {
                switch (name) {
                    case "time" -> time = time(p, value);
                    case "state" -> state = state(p, value);
                    case "attributes" -> attributes = attributes(p, value);
                    default -> {
                        int at = textIndex(name);
                        if (at < 0) {
                            p.skipChildren();
                            throw unknown(name);
                        }
                        text[at] = text(p, value, name);
                    }
                }
            } catch (FieldException e) {
                error = error == null ? e : error;
            }
        }
        if (error != null) {
            throw error;
        }
        if (time == null) {
            throw new FieldException("time", "time is required (ISO-8601 or epoch milliseconds)");
        }
        if (state == null) {
            throw new FieldException("state", "state is required: the integer outcome code the server logged");
        }
        return entry(time, state, text, attributes, states);
    }

    /** Where a text field goes in the array {@link #entry} reads: the order of {@link #TEXT_FIELDS}; -1 if none. */
    static int textIndex(String name) {
        return switch (name) {
            case "product" -> 0;
            case "key" -> 1;
            case "machine_code" -> 2;
            case "ip" -> 3;
            case "country" -> 4;
            case "method" -> 5;
            case "endpoint" -> 6;
            default -> -1;
        };
    }

    static LogEntry entry(Instant time, int state, String[] text, Map<String, String> attributes,
                          StateMapping states) {
        return LogEntry.of(0L, time, text[0], text[1], text[2], text[3], text[4], state, text[5], text[6], attributes,
                states);
    }

    static FieldException unknown(String field) {
        if (field.equals("id")) {
            return new FieldException(field, "id is assigned on ingest; leave it out");
        }
        if (field.equals("successful")) {
            return new FieldException(field, "successful is derived from state by the state mapping; leave it out");
        }
        return new FieldException(field, "unknown field " + field + "; allowed fields are "
                + String.join(", ", FIELDS.stream().sorted().toList()));
    }

    static Instant time(String text) {
        try {
            return IsoInstant.parse(text.trim());
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text.trim()));
            } catch (NumberFormatException notMillis) {
                throw new FieldException("time", "time must be ISO-8601 like 2026-01-31T12:00:00Z or epoch "
                        + "milliseconds, got '" + text + "'");
            }
        }
    }

    private static Instant time(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Instant.ofEpochMilli(p.getLongValue());
        }
        if (v == JsonToken.VALUE_STRING) {
            return time(p.getText());
        }
        p.skipChildren();
        throw new FieldException("time", "time must be ISO-8601 text or epoch milliseconds");
    }

    private static Integer state(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            p.skipChildren();
            throw new FieldException("state", "state must be an integer outcome code such as 200 or 401");
        }
        return p.getIntValue();
    }

    private static String text(JsonParser p, JsonToken v, String field) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!v.isScalarValue() || v == JsonToken.VALUE_EMBEDDED_OBJECT) {
            p.skipChildren();
            throw new FieldException(field, field + " must be a string");
        }
        return p.getText();
    }

    private static Map<String, String> attributes(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw new FieldException("attributes", "attributes must be an object of string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        FieldException error = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (!value.isScalarValue() || value == JsonToken.VALUE_NULL || value == JsonToken.VALUE_EMBEDDED_OBJECT) {
                p.skipChildren();
                error = error == null ? new FieldException("attributes." + key,
                        "attribute values must be strings, numbers or booleans") : error;
            } else {
                out.put(key, p.getText());
            }
        }
        if (error != null) {
            throw error;
        }
        return out;
    }

    static int state(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new FieldException("state", "state must be an integer outcome code such as 200 or 401, got '"
                    + text + "'");
        }
    }

    /** A field of one entry that cannot be read. */
    static final class FieldException extends RuntimeException {
        final String field;

        FieldException(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
