package io.vigil.monitor.store;

import java.time.Instant;

/** DuckDB TIMESTAMP values travel as epoch microseconds (UTC), bound with {@code make_timestamp(?::BIGINT)}. */
public final class Micros {
    /**
     * The open end of "every run so far" or "all stored traffic": Instant.MAX overflows a microsecond count, so
     * ranges without an end stop here.
     */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private Micros() {
    }

    public static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
