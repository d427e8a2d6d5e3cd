package io.vigil.monitor.traffic;

import java.util.Map;

/** Writes a record's string attributes as compact JSON object text for the {@code attributes} column. */
public final class AttributesJson {
    private AttributesJson() {
    }

    /** The JSON object, or null for no attributes (queries treat both alike and null costs nothing to store). */
    public static String write(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(16 + attributes.size() * 24);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.getKey());
            sb.append(':');
            string(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
