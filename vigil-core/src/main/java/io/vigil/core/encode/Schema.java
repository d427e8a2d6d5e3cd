package io.vigil.core.encode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields to encode, in output order, each with its {@link FieldType}. The map is copied into an unmodifiable
 * insertion-ordered map, so the order the caller gives is the order of the encoded columns.
 */
public record Schema(Map<String, FieldType> fields) {

    public Schema {
        Objects.requireNonNull(fields, "fields");
        LinkedHashMap<String, FieldType> copy = new LinkedHashMap<>();
        for (Map.Entry<String, FieldType> e : fields.entrySet()) {
            if (e.getKey() == null) {
                throw new InvalidSchemaException("schema", "schema field names must not be null");
            }
            if (e.getValue() == null) {
                throw new InvalidSchemaException("schema." + e.getKey(),
                        "schema field \"" + e.getKey() + "\" has no type; valid types are " + FieldType.validNames());
            }
            copy.put(e.getKey(), e.getValue());
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads the JSON form {@code {"field": "numeric", ...}}; field order is the map's iteration order (JSON
     * parsers such as Jackson keep document order).
     *
     * @throws InvalidSchemaException with param {@code "schema." + field} when a type is missing, not a string or
     *                                unknown, and param {@code "schema"} when the schema itself is missing
     */
    public static Schema parse(Map<String, ?> json) {
        if (json == null) {
            throw new InvalidSchemaException("schema", "schema must be an object mapping field names to types");
        }
        LinkedHashMap<String, FieldType> fields = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : json.entrySet()) {
            String field = e.getKey();
            Object type = e.getValue();
            if (!(type instanceof String s)) {
                throw new InvalidSchemaException("schema." + field, "schema field \"" + field
                        + "\" must have a type name as a string, got " + type + "; valid types are "
                        + FieldType.validNames());
            }
            try {
                fields.put(field, FieldType.parse(s));
            } catch (InvalidSchemaException ex) {
                throw new InvalidSchemaException("schema." + field,
                        "schema field \"" + field + "\": " + ex.getMessage());
            }
        }
        return new Schema(fields);
    }

    /** The JSON form read by {@link #parse}: field name to type name, in field order. */
    public Map<String, String> toJson() {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        fields.forEach((name, type) -> out.put(name, type.jsonName()));
        return Collections.unmodifiableMap(out);
    }
}
