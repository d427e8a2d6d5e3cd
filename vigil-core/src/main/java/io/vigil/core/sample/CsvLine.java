package io.vigil.core.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * One CSV row under construction, formatted by hand: String.format would dominate the time of a million-row file,
 * and fixed-point digits from a rounded long never depend on the platform locale.
 */
final class CsvLine {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private final StringBuilder sb = new StringBuilder(256);
    private boolean first = true;

    CsvLine text(String s) {
        separate();
        sb.append(s);
        return this;
    }

    CsvLine integer(long v) {
        separate();
        sb.append(v);
        return this;
    }

    /** An identifier such as {@code TXN000000042}: the prefix, then {@code v} zero-padded to {@code digits}. */
    CsvLine code(String prefix, long v, int digits) {
        separate();
        sb.append(prefix);
        String s = Long.toString(v);
        for (int i = s.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(s);
        return this;
    }

    /** {@code v} rounded half up to {@code decimals} places (at most 6), always with that many digits. */
    CsvLine fixed(double v, int decimals) {
        separate();
        long scaled = Math.round(Math.abs(v) * POWERS[decimals]);
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / POWERS[decimals]);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % POWERS[decimals]);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return this;
    }

    /** ISO-8601 UTC, {@code 2026-01-05T14:03:09Z}, with milliseconds when asked. */
    CsvLine timestamp(long epochMillis, boolean millis) {
        separate();
        long seconds = Math.floorDiv(epochMillis, 1000L);
        long day = Math.floorDiv(seconds, 86_400L);
        int secOfDay = (int) (seconds - day * 86_400L);
        sb.append(LocalDate.ofEpochDay(day)).append('T');
        two(secOfDay / 3600).append(':');
        two(secOfDay / 60 % 60).append(':');
        two(secOfDay % 60);
        if (millis) {
            int ms = (int) Math.floorMod(epochMillis, 1000L);
            sb.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10))
                    .append((char) ('0' + ms % 10));
        }
        sb.append('Z');
        return this;
    }

    void writeTo(Writer out) throws IOException {
        sb.append('\n');
        out.append(sb);
        sb.setLength(0);
        first = true;
    }

    private StringBuilder two(int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private void separate() {
        if (!first) {
            sb.append(',');
        }
        first = false;
    }
}
