package io.vigil.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vigil.core.data.Matrix;
import io.vigil.core.json.JsonSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies with Jackson's streaming parser. Number-array {@code data} goes token by token straight
 * into one growing {@code double[]}: no tree, no boxed Doubles, so a batch of thousands of rows costs little more
 * than the bytes themselves. Every other field is read as a plain JSON value.
 */
public final class RequestReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private RequestReader() {
    }

    /**
     * Parses one JSON object.
     *
     * @throws InvalidRequestException for malformed JSON, a body that is not an object, a repeated field, or
     *                                 {@code data} that is not rows of numbers or rows of objects
     */
    public static JsonRequest read(InputStream body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidRequestException(null, "the request body is empty; send a JSON object");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InvalidRequestException(null, "the request body must be a JSON object, got " + switch (t) {
                    case START_ARRAY -> "a list";
                    case VALUE_STRING -> "a string";
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                    default -> t.asString();
                });
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            RequestData data = null;
            boolean sawData = false;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (fields.containsKey(name) || ("data".equals(name) && sawData)) {
                    throw new InvalidRequestException(name, "field '" + name + "' appears twice");
                }
                if ("data".equals(name)) {
                    sawData = true;
                    data = p.currentToken() == JsonToken.VALUE_NULL ? null : readData(p);
                } else {
                    fields.put(name, JSON.readValue(p, Object.class));
                }
            }
            if (p.nextToken() != null) {
                throw new InvalidRequestException(null, "the request body has content after its JSON object");
            }
            return new JsonRequest(fields, data);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(null, "malformed JSON: " + JsonSyntax.messageWithLocation(e));
        }
    }

    private static RequestData readData(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new InvalidRequestException("data", "data must be an array of rows, got " + describe(p));
        }
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            throw new InvalidRequestException("data", "data is empty; send at least one row");
        }
        if (first == JsonToken.START_ARRAY) {
            return readNumberRows(p);
        }
        if (first == JsonToken.START_OBJECT) {
            return readRecords(p);
        }
        throw new InvalidRequestException("data[0]", "each row must be an array of numbers or an object of named "
                + "fields, got " + describe(p));
    }

    /** Called on the first row's START_ARRAY; returns after data's END_ARRAY. */
    private static RequestData readNumberRows(JsonParser p) throws IOException {
        double[] values = new double[1024];
        int size = 0;
        int width = -1;
        int row = 0;
        JsonToken t = p.currentToken();
        while (true) {
            if (t != JsonToken.START_ARRAY) {
                throw new InvalidRequestException("data[" + row + "]", "row " + row + " must be an array of numbers "
                        + "like row 0, got " + describe(p));
            }
            int col = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                    throw new InvalidRequestException("data[" + row + "][" + col + "]", "must be a number, got "
                            + describe(p) + (t == JsonToken.VALUE_NULL ? "; to leave values missing, send rows as "
                            + "objects and omit the field" : ""));
                }
                double v = p.getDoubleValue();
                if (!Double.isFinite(v)) {
                    throw new InvalidRequestException("data[" + row + "][" + col + "]", "must be a finite number, got "
                            + p.getText());
                }
                if (size == values.length) {
                    values = Arrays.copyOf(values, Math.max(16, size + (size >> 1)));
                }
                values[size++] = v;
                col++;
            }
            if (width < 0) {
                if (col == 0) {
                    throw new InvalidRequestException("data[0]", "rows must have at least one value");
                }
                width = col;
            } else if (col != width) {
                throw new InvalidRequestException("data[" + row + "]", "row " + row + " has " + col + " values but row 0 has "
                        + width + "; every row needs the same number of features");
            }
            row++;
            t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                break;
            }
        }
        return new RequestData.Positional(new Matrix(size == values.length ? values : Arrays.copyOf(values, size),
                row, width));
    }

    /** Called on the first record's START_OBJECT; returns after data's END_ARRAY. */
    private static RequestData readRecords(JsonParser p) throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        JsonToken t = p.currentToken();
        int row = 0;
        while (true) {
            if (t != JsonToken.START_OBJECT) {
                throw new InvalidRequestException("data[" + row + "]", "row " + row + " must be an object like row 0, got "
                        + describe(p));
            }
            Map<String, Object> record = new LinkedHashMap<>();
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                t = p.nextToken();
                Object value = switch (t) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
                    case VALUE_STRING -> p.getText();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case VALUE_NULL -> null;
                    default -> throw new InvalidRequestException("data[" + row + "]." + field, "must be a number, "
                            + "string, boolean or null, got " + describe(p));
                };
                if (value instanceof Double d && !Double.isFinite(d)) {
                    throw new InvalidRequestException("data[" + row + "]." + field, "must be a finite number, got "
                            + p.getText());
                }
                record.put(field, value);
            }
            records.add(record);
            row++;
            t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                break;
            }
        }
        return new RequestData.Records(records);
    }

    private static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "the end of the body";
        }
        return switch (t) {
            case VALUE_STRING -> JsonRequest.describe(p.getText());
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NULL -> "null";
            default -> p.getText();
        };
    }
}
