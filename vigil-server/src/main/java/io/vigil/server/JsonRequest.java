package io.vigil.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed request body: its top-level fields (JSON values as Jackson reads them into plain Java objects) and,
 * parsed separately for speed, its {@code data}. Getters validate and name the field in every error.
 */
public final class JsonRequest {
    private final Map<String, Object> fields;
    private final RequestData data;

    public JsonRequest(Map<String, Object> fields, RequestData data) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.data = data;
    }

    /** Every top-level field except {@code data}, in document order. */
    public Map<String, Object> fields() {
        return fields;
    }

    public boolean has(String name) {
        return "data".equals(name) ? data != null : fields.get(name) != null;
    }

    public RequestData data() {
        if (data == null) {
            throw new InvalidRequestException("data", "data is required: an array of rows, each an array of numbers "
                    + "or an object of named fields");
        }
        return data;
    }

    /** Refuses fields the endpoint does not know, so a misspelt option is not silently ignored. */
    public void requireOnly(Set<String> known) {
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidRequestException(name, "unknown field '" + name + "'; this endpoint takes "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    public String string(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidRequestException(name, name + " must be a string, got " + describe(v));
        }
        return s;
    }

    public String requiredString(String name) {
        String s = string(name);
        if (s == null || s.isEmpty()) {
            throw new InvalidRequestException(name, name + " is required");
        }
        return s;
    }

    /** A number, or null when absent. */
    public Double number(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw new InvalidRequestException(name, name + " must be a number, got " + describe(v));
        }
        return n.doubleValue();
    }

    /** A whole number, or null when absent. */
    public Long whole(String name) {
        Double d = number(name);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
            throw new InvalidRequestException(name, name + " must be a whole number, got " + fields.get(name));
        }
        return d.longValue();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new InvalidRequestException(name, name + " must be an object, got " + describe(v));
        }
        return (Map<String, Object>) v;
    }

    static String describe(Object v) {
        if (v instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof java.util.List<?>) {
            return "an array";
        }
        return String.valueOf(v);
    }
}
