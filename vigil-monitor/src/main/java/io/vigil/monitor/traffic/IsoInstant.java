package io.vigil.monitor.traffic;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 instants. The form gateways write, {@code 2026-03-01T12:00:00Z} with an optional fraction of up
 * to nine digits, is read by hand (java.time's general parser costs more than the rest of a traffic record);
 * anything else goes to {@link Instant#parse}, so both accept the same texts.
 */
public final class IsoInstant {
    private IsoInstant() {
    }

    /** @throws DateTimeParseException when the text is not an ISO-8601 instant */
    public static Instant parse(String s) {
        Instant fast = fast(s);
        return fast != null ? fast : Instant.parse(s);
    }

    /** The instant, or null when the text is not in the plain UTC form (the general parser then decides). */
    private static Instant fast(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int digitsLength = n - 21;
            if (s.charAt(19) != '.' || digitsLength < 1 || digitsLength > 9) {
                return null;
            }
            int fraction = digits(s, 20, digitsLength);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digitsLength; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code length} digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int length) {
        int v = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
