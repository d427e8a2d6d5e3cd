package io.vigil.monitor.definition;

import io.vigil.monitor.InvalidMonitorException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The validation rules shared by the definition records; each failure names its field. */
final class FieldRules {
    static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    private static final List<String> RESTRICTED_HEADERS = List.of("connection", "content-length", "expect", "host", "upgrade");

    private FieldRules() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidMonitorException(field, field + " is required");
        }
        return value;
    }

    static String requiredText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidMonitorException(field, field + " is required");
        }
        return maxLength(value, field, maxLength);
    }

    static String maxLength(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidMonitorException(field, field + " must be at most " + maxLength + " characters, got " + value.length());
        }
        return value;
    }

    static int atLeast(Integer value, int defaultValue, int min, int max, String field) {
        int v = value == null ? defaultValue : value;
        if (v < min || v > max) {
            throw new InvalidMonitorException(field, field + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    static double finite(Double value, String field) {
        required(value, field);
        if (!Double.isFinite(value)) {
            throw new InvalidMonitorException(field, field + " must be a finite number");
        }
        return value;
    }

    static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidMonitorException(field + "[" + i + "]", field + " may not contain null");
            }
        }
        return List.copyOf(values);
    }

    static List<String> texts(List<String> values, String field) {
        List<String> out = list(values, field);
        for (int i = 0; i < out.size(); i++) {
            requiredText(out.get(i), field + "[" + i + "]", 2048);
        }
        return out;
    }

    /** Action targets must be absolute http(s) URLs with a host: no file:, ftp:, jar: or relative references. */
    static String httpUrl(String url, String field) {
        requiredText(url, field, 4096);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidMonitorException(field, field + " must be an http or https URL, got scheme '" + scheme + "'");
            }
            if (uri.getHost() == null) {
                throw new InvalidMonitorException(field, field + " must name a host");
            }
        } catch (URISyntaxException e) {
            throw new InvalidMonitorException(field, field + " is not a valid URL: " + e.getReason());
        }
        return url;
    }

    static Map<String, String> headers(Map<String, String> headers, String field) {
        if (headers == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            String name = e.getKey();
            if (!HEADER_NAME.matcher(name).matches() || RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidMonitorException(field + "." + name, "'" + name + "' is not a header that may be set");
            }
            if (e.getValue() == null || e.getValue().indexOf('\r') >= 0 || e.getValue().indexOf('\n') >= 0) {
                throw new InvalidMonitorException(field + "." + name, "header values must be single-line text");
            }
        }
        return Map.copyOf(headers);
    }
}
