package io.vigil.core.encode;

/**
 * A schema, a data value or a stored encoder state breaks a rule of schema encoding. {@link #param()} names the
 * offending place so callers can point at it: {@code "schema.method"} for a field's type, {@code "data[3].bytes"}
 * for a value at row 3 of field {@code bytes}, {@code "state.version"} for a stored state.
 */
public class InvalidSchemaException extends IllegalArgumentException {
    private final String param;

    public InvalidSchemaException(String param, String message) {
        super(message);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
