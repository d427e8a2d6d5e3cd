package io.vigil.monitor.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.StateMapping;
import io.vigil.monitor.traffic.RejectedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
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
    private static final ObjectMapper MAPPER = new ObjectMapper()
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
        JsonNode whole = null;
        try {
            whole = MAPPER.readTree(body);
        } catch (IOException e) {
            // Not one JSON value: NDJSON, or broken JSON that the line reader reports line by line.
        }
        if (whole != null && whole.isObject() && whole.has("entries") && whole.size() == 1) {
            whole = whole.get("entries");
        }
        if (whole != null && whole.isArray()) {
            for (int i = 0; i < whole.size(); i++) {
                collect(i, whole.get(i), states, entries, positions, errors);
            }
        } else if (whole != null && whole.isObject()) {
            collect(0, whole, states, entries, positions, errors);
        } else if (whole != null && !whole.isMissingNode()) {
            errors.add(new RejectedRecord(0, "body", "body must be a JSON object, an array of objects or NDJSON"));
        } else {
            String text = new String(body, StandardCharsets.UTF_8);
            int index = 0;
            for (String line : text.split("\r?\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    collect(index, MAPPER.readTree(line), states, entries, positions, errors);
                } catch (JsonProcessingException e) {
                    errors.add(new RejectedRecord(index, "body", "line is not valid JSON: " + e.getOriginalMessage()));
                }
                index++;
            }
        }
        return new ParsedLogs(entries, positions, errors);
    }

    private static void collect(int index, JsonNode node, StateMapping states, List<LogEntry> entries,
                                List<Integer> positions, List<RejectedRecord> errors) {
        try {
            entries.add(toEntry(node, states));
            positions.add(index);
        } catch (FieldException e) {
            errors.add(new RejectedRecord(index, e.field, e.getMessage()));
        }
    }

    private static LogEntry toEntry(JsonNode node, StateMapping states) {
        if (!node.isObject()) {
            throw new FieldException("entry", "each entry must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw unknown(f);
            }
        }
        Map<String, String> text = new LinkedHashMap<>();
        for (String f : TEXT_FIELDS) {
            text.put(f, text(node, f));
        }
        return entry(time(node.get("time")), state(node.get("state")), text, attributes(node.get("attributes")),
                states);
    }

    static LogEntry entry(Instant time, int state, Map<String, String> text, Map<String, String> attributes,
                          StateMapping states) {
        return LogEntry.of(0L, time, text.get("product"), text.get("key"), text.get("machine_code"), text.get("ip"),
                text.get("country"), state, text.get("method"), text.get("endpoint"), attributes, states);
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

    static Instant time(JsonNode v) {
        if (v == null || v.isNull()) {
            throw new FieldException("time", "time is required (ISO-8601 or epoch milliseconds)");
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (v.isTextual()) {
            return time(v.asText());
        }
        throw new FieldException("time", "time must be ISO-8601 text or epoch milliseconds");
    }

    static Instant time(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text.trim()));
            } catch (NumberFormatException notMillis) {
                throw new FieldException("time", "time must be ISO-8601 like 2026-01-31T12:00:00Z or epoch "
                        + "milliseconds, got '" + text + "'");
            }
        }
    }

    private static int state(JsonNode v) {
        if (v == null || v.isNull()) {
            throw new FieldException("state", "state is required: the integer outcome code the server logged");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new FieldException("state", "state must be an integer outcome code such as 200 or 401");
        }
        return v.asInt();
    }

    static int state(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new FieldException("state", "state must be an integer outcome code such as 200 or 401, got '"
                    + text + "'");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode() || v.isBinary()) {
            throw new FieldException(field, field + " must be a string");
        }
        return v.asText();
    }

    private static Map<String, String> attributes(JsonNode v) {
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new FieldException("attributes", "attributes must be an object of string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new FieldException("attributes." + e.getKey(),
                        "attribute values must be strings, numbers or booleans");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
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
