package io.vigil.server.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one escaping function every user string goes through before it reaches a page, plus the few formats the pages
 * share. Pages are text blocks and string concatenation; anything not a literal goes through {@link #escape}.
 */
public final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Escapes text for element content and double- or single-quoted attribute values; null becomes "". */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An instant as readers scan it, escaped; "—" when absent. */
    public static String time(Instant t) {
        return t == null ? "—" : escape(TIME.format(t));
    }

    /** A number with at most four significant decimals, escaped; "—" when absent. */
    public static String number(Double v) {
        if (v == null) {
            return "—";
        }
        if (v.isNaN() || v.isInfinite()) {
            return escape(v.toString());
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return escape(Long.toString(v.longValue()));
        }
        return escape(String.format(Locale.ROOT, "%.4g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2")
                .replaceFirst("\\.(e|$)", "$1"));
    }

    /** A byte count in B / KiB / MiB. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024.0));
    }

    /** A box that says what went wrong, in words, for screen readers too. */
    public static String errorBox(String message) {
        return "<div class=\"error-box\" role=\"alert\">" + escape(message) + "</div>";
    }

    /** A path segment for a link (ids and names pass a strict pattern before they get here; this guards the rest). */
    public static String pathSegment(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
