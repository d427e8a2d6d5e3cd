package io.vigil.core.detect;

import io.vigil.core.concurrent.ParallelLoop;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Named detector parameters as they arrive from JSON or the command line ({@code KEY=VALUE} strings),
 * plus the settings every detector shares: seed, contamination and thread count.
 * Typed getters convert and validate, naming the parameter in every error, and record which keys were read
 * so that {@link #unread()} can report unknown ones.
 */
public final class DetectorParameters {
    private final Map<String, Object> values;
    private final long seed;
    private final double contamination;
    private final int threads;
    private final Set<String> read = Collections.synchronizedSet(new HashSet<>());
    /** The canonical name of every parameter a detector asked for, given or not: what it takes. */
    private final Set<String> asked = Collections.synchronizedSet(new TreeSet<>());

    public DetectorParameters(Map<String, ?> values, long seed, double contamination, int threads) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.seed = seed;
        this.contamination = contamination;
        this.threads = threads;
    }

    public static DetectorParameters of(Map<String, ?> values) {
        return new DetectorParameters(values, 0L, 0.1, ParallelLoop.defaultThreads());
    }

    public long seed() {
        return seed;
    }

    public double contamination() {
        return contamination;
    }

    public int threads() {
        return threads;
    }

    public Map<String, Object> values() {
        return values;
    }

    public boolean has(String... names) {
        for (String n : names) {
            if (values.containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    /** The names given but never read: unknown parameters. */
    public Set<String> unread() {
        Set<String> out = new TreeSet<>(values.keySet());
        out.removeAll(read);
        return out;
    }

    /**
     * Refuses a name that was given but never read, naming what the reader asked for instead: "unknown parameter
     * 'n_trees' for isolation_forest; it takes max_features, sample_size, trees". {@code noun} is what the caller
     * calls these (parameter, setting), {@code owner} what read them.
     */
    public void requireAllRead(String noun, String owner) {
        Set<String> unknown = unread();
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            List<String> known = asked();
            throw new InvalidParameterException(first, "unknown " + noun + " '" + first + "' for " + owner
                    + (known.isEmpty() ? "; it takes no " + noun + "s" : "; it takes " + String.join(", ", known)));
        }
    }

    /** The parameters the detector asked for so far, by canonical name, in name order: what it takes. */
    public List<String> asked() {
        synchronized (asked) {
            return List.copyOf(asked);
        }
    }

    /** Reads an integer under the first present name of {@code names} (the first is the canonical one). */
    public int intValue(int defaultValue, String... names) {
        Object v = lookup(names);
        if (v == null) {
            return defaultValue;
        }
        double d = toDouble(names[0], v);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new InvalidParameterException(names[0], names[0] + " must be a whole number, got " + v);
        }
        return (int) d;
    }

    public double doubleValue(double defaultValue, String... names) {
        Object v = lookup(names);
        return v == null ? defaultValue : toDouble(names[0], v);
    }

    public boolean booleanValue(boolean defaultValue, String... names) {
        Object v = lookup(names);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("1") || s.equals("yes")) {
            return true;
        }
        if (s.equals("false") || s.equals("0") || s.equals("no")) {
            return false;
        }
        throw new InvalidParameterException(names[0], names[0] + " must be true or false, got " + v);
    }

    public String stringValue(String defaultValue, String... names) {
        Object v = lookup(names);
        return v == null ? defaultValue : v.toString();
    }

    /** The raw value (a String from the command line, any JSON value from the API), or null. */
    public Object rawValue(String... names) {
        return lookup(names);
    }

    /** Reads a list of strings: a JSON array or a comma-separated string. */
    public List<String> stringList(List<String> defaultValue, String... names) {
        Object v = lookup(names);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(v.toString().split("\\s*,\\s*"));
    }

    private Object lookup(String... names) {
        asked.add(names[0]);
        Object found = null;
        String foundName = null;
        for (String n : names) {
            if (values.containsKey(n)) {
                read.add(n);
                if (found != null) {
                    throw new InvalidParameterException(n, "give only one of " + foundName + " and " + n);
                }
                found = values.get(n);
                foundName = n;
            }
        }
        return found;
    }

    private static double toDouble(String name, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            double d = Double.parseDouble(v.toString().trim());
            if (Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a number, got '" + v + "'");
        }
    }
}
