package io.vigil.monitor.definition;

import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.traffic.TrafficResult;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Narrows a monitor's query: the time range analysed at each run (relative to the run's fire time, e.g. {@code 5m}
 * for the last 5 minutes, {@code 1h}, {@code 7d}, or ISO-8601 {@code PT15M}), APIs to keep or exclude, and result
 * types. Without a time range a run analyses the interval since the schedule's previous fire time.
 */
public record TrafficFilter(String timeRange, List<String> apis, List<String> excludeApis, List<TrafficResult> results) {
    public static final TrafficFilter NONE = new TrafficFilter(null, null, null, null);
    static final Duration MAX_RANGE = Duration.ofDays(31);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*(s|m|h|d)");

    public TrafficFilter {
        if (timeRange != null) {
            parseRange(timeRange);
        }
        apis = FieldRules.texts(apis, "apis");
        excludeApis = FieldRules.texts(excludeApis, "exclude_apis");
        results = FieldRules.list(results, "results");
    }

    /** The analysed time span, when the filter sets one. */
    public Optional<Duration> range() {
        return timeRange == null ? Optional.empty() : Optional.of(parseRange(timeRange));
    }

    /** True when the filter narrows anything besides time (which the ratio condition needs to be meaningful). */
    public boolean narrowsTraffic() {
        return !apis.isEmpty() || !excludeApis.isEmpty() || !results.isEmpty();
    }

    static Duration parseRange(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidMonitorException("time_range",
                        "time_range must look like 5m, 1h, 7d or PT15M, got '" + text + "'");
            }
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_RANGE) > 0) {
            throw new InvalidMonitorException("time_range", "time_range must be positive and at most 31 days");
        }
        return d;
    }
}
