package io.vigil.core.encode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A view of one object inside a stored encoder state that reads typed entries and, when one is missing or of the
 * wrong kind, says exactly where ({@code state.fields[2].median}) rather than failing with a cast error.
 */
record EncoderState(Map<?, ?> map, String path) {

    static EncoderState of(Object value, String path) {
        if (!(value instanceof Map<?, ?> m)) {
            throw invalid(path, "must be an object");
        }
        return new EncoderState(m, path);
    }

    Object get(String key) {
        Object v = map.get(key);
        if (v == null) {
            throw invalid(path + "." + key, "is missing");
        }
        return v;
    }

    String string(String key) {
        if (!(get(key) instanceof String s)) {
            throw invalid(path + "." + key, "must be a string");
        }
        return s;
    }

    double number(String key) {
        if (!(get(key) instanceof Number n)) {
            throw invalid(path + "." + key, "must be a number");
        }
        return n.doubleValue();
    }

    long whole(String key) {
        double d = number(key);
        if (d != Math.rint(d) || d < 0) {
            throw invalid(path + "." + key, "must be a non-negative whole number");
        }
        return (long) d;
    }

    List<?> list(String key) {
        if (!(get(key) instanceof List<?> l)) {
            throw invalid(path + "." + key, "must be a list");
        }
        return l;
    }

    List<String> strings(String key) {
        List<?> l = list(key);
        List<String> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof String s)) {
                throw invalid(path + "." + key + "[" + i + "]", "must be a string");
            }
            out.add(s);
        }
        return out;
    }

    /** A list of strings none of which repeats: categories index by value, so a repeat would be ambiguous. */
    List<String> distinctStrings(String key) {
        List<String> out = strings(key);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            if (!seen.add(out.get(i))) {
                throw invalid(path + "." + key + "[" + i + "]", "repeats \"" + out.get(i) + "\"");
            }
        }
        return out;
    }

    long[] wholes(String key) {
        List<?> l = list(key);
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || n.doubleValue() < 0) {
                throw invalid(path + "." + key + "[" + i + "]", "must be a non-negative whole number");
            }
            out[i] = n.longValue();
        }
        return out;
    }

    static InvalidSchemaException invalid(String where, String what) {
        return new InvalidSchemaException(where, "invalid schema encoder state: " + where + " " + what);
    }
}
