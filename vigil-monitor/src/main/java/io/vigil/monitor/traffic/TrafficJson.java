package io.vigil.monitor.traffic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vigil.core.json.JsonSyntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses an ingest body: a JSON array of records, a single record, {@code {"records": [...]}}, or NDJSON (one
 * record per line). A record that does not parse (bad JSON line, unknown field, wrong type) is reported with its
 * position and field, and the rest still parse.
 *
 * <p>Fields: {@code timestamp} (ISO-8601 string or epoch milliseconds), {@code environment}, {@code api},
 * {@code method}, {@code endpoint}, {@code status_code}, {@code result}, {@code response_time_ms},
 * {@code request_bytes}, {@code response_bytes}, {@code client_ip}, {@code user_agent}, {@code attributes} (object
 * of scalar values, kept as strings).
 *
 * <p>Records are read token by token straight into {@link TrafficRecord}s: no JSON tree, no per-record map but the
 * attributes' own, because this parse is most of what an ingest request costs.
 */
public final class TrafficJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private static final Set<String> FIELDS = Set.of("timestamp", "environment", "api", "method", "endpoint",
            "status_code", "result", "response_time_ms", "request_bytes", "response_bytes", "client_ip",
            "user_agent", "attributes");
    private static final String ALLOWED = String.join(", ", new TreeSet<>(FIELDS));

    private TrafficJson() {
    }

    public static ParsedTraffic parse(byte[] body) {
        Collector out = new Collector();
        try {
            if (parseDocument(body, out)) {
                return out.result();
            }
        } catch (JsonProcessingException e) {
            // Not one JSON value: broken JSON, which the line reader reports line by line.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out = new Collector();
        parseLines(body, out);
        return out.result();
    }

    /** Reads the body as one JSON value; false when it is more than one (NDJSON) or nothing at all. */
    private static boolean parseDocument(byte[] body, Collector out) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return false;
            }
            if (t == JsonToken.START_ARRAY) {
                readArray(p, out);
            } else if (t == JsonToken.START_OBJECT) {
                t = p.nextToken();
                if (t == JsonToken.FIELD_NAME && "records".equals(p.currentName())
                        && p.nextToken() == JsonToken.START_ARRAY) {
                    readArray(p, out);
                    if (p.nextToken() != JsonToken.END_OBJECT) {
                        // Not the wrapper after all: one record with an unknown field.
                        p.skipChildren();
                        out.clear();
                        out.reject(0, "records", unknownField("records"));
                        skipRest(p);
                    }
                } else {
                    readRecordFrom(p, t, 0, out);
                }
            } else {
                p.skipChildren();
                if (p.nextToken() != null) {
                    return false;
                }
                out.reject(0, "body", "body must be a JSON object, an array of objects or NDJSON");
                return true;
            }
            return p.nextToken() == null;
        }
    }

    private static void readArray(JsonParser p, Collector out) throws IOException {
        int index = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            readValue(p, t, index++, out);
        }
    }

    private static void parseLines(byte[] body, Collector out) {
        int index = 0;
        for (int start = 0; start < body.length; ) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            if (!blank(body, start, end)) {
                int records = out.records.size();
                int errors = out.errors.size();
                try (JsonParser p = FACTORY.createParser(body, start, end - start)) {
                    readValue(p, p.nextToken(), index, out);
                    if (p.nextToken() != null) {
                        out.truncate(records, errors);
                        out.reject(index, "body", "line is not valid JSON: more than one value on the line");
                    }
                } catch (JsonProcessingException e) {
                    // The line may have read as a record before its trailing garbage: it counts as broken.
                    out.truncate(records, errors);
                    out.reject(index, "body", "line is not valid JSON: " + JsonSyntax.message(e));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                index++;
            }
            start = end + 1;
        }
    }

    private static void readValue(JsonParser p, JsonToken t, int index, Collector out) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            readRecordFrom(p, p.nextToken(), index, out);
        } else {
            p.skipChildren();
            out.reject(index, "record", "each record must be a JSON object");
        }
    }

    /**
     * Reads one record's fields, starting at {@code t} (its first field name or its end), through its closing brace.
     * A bad field is remembered and the rest of the record read past, so the next record starts in the right place;
     * an unknown field outranks a wrong value, as it says more about what the client got wrong.
     */
    private static void readRecordFrom(JsonParser p, JsonToken t, int index, Collector out) throws IOException {
        Instant timestamp = null;
        String environment = null;
        String api = null;
        String method = null;
        String endpoint = null;
        Integer statusCode = null;
        TrafficResult result = null;
        Double responseTimeMs = null;
        Long requestBytes = null;
        Long responseBytes = null;
        String clientIp = null;
        String userAgent = null;
        Map<String, String> attributes = null;
        FieldException error = null;
        for (; t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            try {
                switch (name) {
                    case "timestamp" -> timestamp = timestamp(p, v);
                    case "environment" -> environment = text(p, v, name);
                    case "api" -> api = text(p, v, name);
                    case "method" -> method = text(p, v, name);
                    case "endpoint" -> endpoint = text(p, v, name);
                    case "status_code" -> statusCode = integer(p, v, name);
                    case "result" -> result = result(p, v);
                    case "response_time_ms" -> responseTimeMs = number(p, v, name);
                    case "request_bytes" -> requestBytes = longValue(p, v, name);
                    case "response_bytes" -> responseBytes = longValue(p, v, name);
                    case "client_ip" -> clientIp = text(p, v, name);
                    case "user_agent" -> userAgent = text(p, v, name);
                    case "attributes" -> attributes = attributes(p, v);
                    default -> throw new FieldException(name, unknownField(name), true);
                }
            } catch (FieldException e) {
                p.skipChildren();
                if (error == null || (e.unknown && !error.unknown)) {
                    error = e;
                }
            }
        }
        if (error != null) {
            out.reject(index, error.field, error.getMessage());
        } else {
            out.accept(index, new TrafficRecord(timestamp, environment, api, method, endpoint, statusCode, result,
                    responseTimeMs, requestBytes, responseBytes, clientIp, userAgent, attributes));
        }
    }

    private static Instant timestamp(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Instant.ofEpochMilli(p.getLongValue());
        }
        if (v == JsonToken.VALUE_STRING) {
            try {
                return IsoInstant.parse(p.getText());
            } catch (DateTimeException e) {
                throw new FieldException("timestamp",
                        "timestamp must be ISO-8601 like 2026-01-31T12:00:00Z or epoch milliseconds", false);
            }
        }
        throw new FieldException("timestamp", "timestamp must be ISO-8601 text or epoch milliseconds", false);
    }

    private static TrafficResult result(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        TrafficResult r = v == JsonToken.VALUE_STRING ? TrafficResult.parse(p.getText()) : null;
        if (r == null) {
            throw new FieldException("result", "result must be one of success, failed, blocked", false);
        }
        return r;
    }

    /** Strings, and numbers or booleans as their JSON text. */
    private static String text(JsonParser p, JsonToken v, String field) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!v.isScalarValue() || v == JsonToken.VALUE_EMBEDDED_OBJECT) {
            throw new FieldException(field, field + " must be a string", false);
        }
        return p.getText();
    }

    private static Integer integer(JsonParser p, JsonToken v, String field) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new FieldException(field, field + " must be an integer", false);
        }
        return p.getIntValue();
    }

    private static Long longValue(JsonParser p, JsonToken v, String field) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new FieldException(field, field + " must be an integer", false);
        }
        return p.getLongValue();
    }

    private static Double number(JsonParser p, JsonToken v, String field) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!v.isNumeric()) {
            throw new FieldException(field, field + " must be a number", false);
        }
        return p.getDoubleValue();
    }

    /** An object of scalars, read to its end even when a value is bad (then reported by the first bad key). */
    private static Map<String, String> attributes(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_OBJECT) {
            throw new FieldException("attributes", "attributes must be an object of string values", false);
        }
        String[] keys = new String[4];
        String[] values = new String[4];
        int n = 0;
        FieldException error = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (!value.isScalarValue() || value == JsonToken.VALUE_NULL || value == JsonToken.VALUE_EMBEDDED_OBJECT) {
                p.skipChildren();
                if (error == null) {
                    error = new FieldException("attributes." + key,
                            "attribute values must be strings, numbers or booleans", false);
                }
                continue;
            }
            int at = indexOf(keys, n, key);
            if (at < 0) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                }
                at = n++;
                keys[at] = key;
            }
            values[at] = p.getText();
        }
        if (error != null) {
            throw error;
        }
        return n == 0 ? Map.of() : new ParsedAttributes(Arrays.copyOf(keys, n), Arrays.copyOf(values, n));
    }

    private static int indexOf(String[] keys, int n, String key) {
        for (int i = 0; i < n; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static void skipRest(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_OBJECT; t = p.nextToken()) {
            p.nextToken();
            p.skipChildren();
        }
    }

    private static boolean blank(byte[] body, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String unknownField(String name) {
        return "unknown field " + name + "; allowed fields are " + ALLOWED;
    }

    /** Records and rejections in body order. */
    private static final class Collector {
        private final List<TrafficRecord> records = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();
        private final List<RejectedRecord> errors = new ArrayList<>();

        void accept(int index, TrafficRecord r) {
            records.add(r);
            positions.add(index);
        }

        void reject(int index, String field, String message) {
            errors.add(new RejectedRecord(index, field, message));
        }

        /** Drops what was added after the counts given, when a line turns out not to be one record. */
        void truncate(int recordCount, int errorCount) {
            records.subList(recordCount, records.size()).clear();
            positions.subList(recordCount, positions.size()).clear();
            errors.subList(errorCount, errors.size()).clear();
        }

        void clear() {
            records.clear();
            positions.clear();
            errors.clear();
        }

        ParsedTraffic result() {
            return new ParsedTraffic(records, positions, errors);
        }
    }

    /** A field of one record that cannot be read. */
    private static final class FieldException extends RuntimeException {
        private final String field;
        private final boolean unknown;

        FieldException(String field, String message, boolean unknown) {
            super(message, null, false, false);
            this.field = field;
            this.unknown = unknown;
        }
    }
}
