package io.vigil.core.sample;

import io.vigil.core.detect.InvalidParameterException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of sample data set, named as users type them: {@code ecommerce}, {@code sensor}, {@code api_traffic}. */
public enum SampleKind {
    /** Card transactions with planted fraud. */
    ECOMMERCE,
    /** Minute readings of a few environmental sensors with planted faults. */
    SENSOR,
    /** API request logs with planted incidents. */
    API_TRAFFIC;

    /** The name users type: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user's choice, ignoring case; anything else is an error naming {@code type} and the choices. */
    public static SampleKind parse(String text) {
        if (text != null) {
            String wanted = text.strip();
            for (SampleKind k : values()) {
                if (k.label().equalsIgnoreCase(wanted)) {
                    return k;
                }
            }
        }
        throw new InvalidParameterException("type", "type must be one of " + choices() + ", got '" + text + "'");
    }

    private static String choices() {
        return Arrays.stream(values()).map(SampleKind::label).collect(Collectors.joining(", "));
    }
}
