package io.vigil.monitor.store;

import java.time.Instant;

/** DuckDB TIMESTAMP values travel as epoch microseconds (UTC), bound with {@code make_timestamp(?::BIGINT)}. */
public final class Micros {
    private Micros() {
    }

    public static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
