package io.vigil.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Detector parameters written as text, one {@code key=value} per line (the web UI's form) or per option (the CLI's
 * {@code --param}), turned into the values JSON would carry, so a stored detector reads {@code {"trees": 200}}
 * whichever way it was created.
 */
public final class ParameterLines {
    private ParameterLines() {
    }

    /**
     * Parses {@code key=value} lines; blank lines and lines starting with {@code #} are skipped.
     *
     * @throws InvalidWorkflowRequestException (field {@code parameters}) naming the line at fault
     */
    public static Map<String, Object> parse(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidWorkflowRequestException("parameters", "parameters line " + (i + 1) + " ('" + line
                        + "') is not key=value; write one parameter per line, e.g. trees=200");
            }
            String key = line.substring(0, eq).strip();
            if (out.containsKey(key)) {
                throw new InvalidWorkflowRequestException("parameters", "parameters line " + (i + 1) + " sets '"
                        + key + "' a second time; keep one line per parameter");
            }
            out.put(key, value(line.substring(eq + 1)));
        }
        return out;
    }

    /** A value as JSON would carry it: true/false as booleans, numbers as numbers, anything else as text. */
    public static Object value(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        if (v.matches("-?\\d{1,18}")) {
            return Long.parseLong(v);
        }
        if (v.matches("-?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
            return Double.parseDouble(v);
        }
        return v;
    }
}
