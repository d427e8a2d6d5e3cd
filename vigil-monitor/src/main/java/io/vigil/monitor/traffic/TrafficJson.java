package io.vigil.monitor.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Parses an ingest body: a JSON array of records, a single record, {@code {"records": [...]}}, or NDJSON (one
 * record per line). A record that does not parse (bad JSON line, unknown field, wrong type) is reported with its
 * position and field, and the rest still parse.
 *
 * <p>Fields: {@code timestamp} (ISO-8601 string or epoch milliseconds), {@code environment}, {@code api},
 * {@code method}, {@code endpoint}, {@code status_code}, {@code result}, {@code response_time_ms},
 * {@code request_bytes}, {@code response_bytes}, {@code client_ip}, {@code user_agent}, {@code attributes} (object
 * of scalar values, kept as strings).
 */
public final class TrafficJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("timestamp", "environment", "api", "method", "endpoint",
            "status_code", "result", "response_time_ms", "request_bytes", "response_bytes", "client_ip",
            "user_agent", "attributes");

    private TrafficJson() {
    }

    public static ParsedTraffic parse(byte[] body) {
        List<TrafficRecord> records = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<RejectedRecord> errors = new ArrayList<>();
        JsonNode whole = null;
        try {
            whole = MAPPER.readTree(body);
        } catch (IOException e) {
            // Not one JSON value: NDJSON, or broken JSON that the line reader reports line by line.
        }
        if (whole != null && whole.isObject() && whole.has("records") && whole.size() == 1) {
            whole = whole.get("records");
        }
        if (whole != null && whole.isArray()) {
            for (int i = 0; i < whole.size(); i++) {
                collect(i, whole.get(i), records, positions, errors);
            }
        } else if (whole != null && whole.isObject()) {
            collect(0, whole, records, positions, errors);
        } else if (whole != null && !whole.isMissingNode()) {
            errors.add(new RejectedRecord(0, "body", "body must be a JSON object, an array of objects or NDJSON"));
        } else {
            parseLines(body, records, positions, errors);
        }
        return new ParsedTraffic(records, positions, errors);
    }

    private static void parseLines(byte[] body, List<TrafficRecord> records, List<Integer> positions,
                                   List<RejectedRecord> errors) {
        String text = new String(body, StandardCharsets.UTF_8);
        int index = 0;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                collect(index, MAPPER.readTree(line), records, positions, errors);
            } catch (JsonProcessingException e) {
                errors.add(new RejectedRecord(index, "body", "line is not valid JSON: " + e.getOriginalMessage()));
            }
            index++;
        }
    }

    private static void collect(int index, JsonNode node, List<TrafficRecord> records, List<Integer> positions,
                                List<RejectedRecord> errors) {
        try {
            records.add(toRecord(node));
            positions.add(index);
        } catch (FieldException e) {
            errors.add(new RejectedRecord(index, e.field, e.getMessage()));
        }
    }

    private static TrafficRecord toRecord(JsonNode node) {
        if (!node.isObject()) {
            throw new FieldException("record", "each record must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new FieldException(f, "unknown field " + f + "; allowed fields are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        return new TrafficRecord(timestamp(node.get("timestamp")), text(node, "environment"), text(node, "api"),
                text(node, "method"), text(node, "endpoint"), integer(node, "status_code"), result(node.get("result")),
                number(node, "response_time_ms"), longValue(node, "request_bytes"), longValue(node, "response_bytes"),
                text(node, "client_ip"), text(node, "user_agent"), attributes(node.get("attributes")));
    }

    private static Instant timestamp(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (v.isTextual()) {
            try {
                return Instant.parse(v.asText());
            } catch (DateTimeParseException e) {
                throw new FieldException("timestamp", "timestamp must be ISO-8601 like 2026-01-31T12:00:00Z or epoch milliseconds");
            }
        }
        throw new FieldException("timestamp", "timestamp must be ISO-8601 text or epoch milliseconds");
    }

    private static TrafficResult result(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        TrafficResult r = v.isTextual() ? TrafficResult.parse(v.asText()) : null;
        if (r == null) {
            throw new FieldException("result", "result must be one of success, failed, blocked");
        }
        return r;
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

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new FieldException(field, field + " must be an integer");
        }
        return v.asInt();
    }

    private static Long longValue(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new FieldException(field, field + " must be an integer");
        }
        return v.asLong();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new FieldException(field, field + " must be a number");
        }
        return v.asDouble();
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
                throw new FieldException("attributes." + e.getKey(), "attribute values must be strings, numbers or booleans");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** A field of one record that cannot be read. */
    private static final class FieldException extends RuntimeException {
        private final String field;

        FieldException(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
