package io.vigil.core.encode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How one named field becomes numbers; {@link SchemaEncoder} documents what each type does with every value. */
public enum FieldType {
    NUMERIC, HASH, LABEL, ONEHOT, BINARY, FREQUENCY;

    /** The name used in schemas and stored states: the constant in lower case, e.g. {@code "onehot"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type with this name, ignoring case and surrounding blanks.
     *
     * @throws InvalidSchemaException (param {@code "schema"}) naming the value and listing the valid types
     */
    public static FieldType parse(String s) {
        if (s != null) {
            String wanted = s.trim();
            for (FieldType t : values()) {
                if (t.jsonName().equalsIgnoreCase(wanted)) {
                    return t;
                }
            }
        }
        throw new InvalidSchemaException("schema",
                "unknown field type " + (s == null ? "null" : "\"" + s + "\"") + "; valid types are " + validNames());
    }

    static String validNames() {
        return Arrays.stream(values()).map(FieldType::jsonName).collect(Collectors.joining(", "));
    }
}
