package io.vigil.monitor.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
    @Test
    void readsWhatInstantParseReads() {
        List<String> forms = List.of("2026-01-31T12:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59.5Z",
                "2026-03-02T09:00:00.123456789Z", "2026-03-02T09:00:00.12Z", "1969-12-31T23:59:59.999Z",
                "2026-03-02T09:00:00+02:00", "2016-12-31T23:59:60Z", "+12026-03-02T09:00:00Z",
                "2026-01-31T24:00:00Z", "2026-01-31T12:00:00.Z");
        for (String s : forms) {
            assertThat(IsoInstant.parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-2_000_000_000L, 8_000_000_000L), r.nextInt(1_000_000_000));
            assertThat(IsoInstant.parse(t.toString())).isEqualTo(t);
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String s : List.of("2026-02-30T12:00:00Z", "2026-13-01T12:00:00Z", "2026-01-31T12:00:00.1234567890Z",
                "2026-01-31 12:00:00Z", "yesterday", "2026-0a-31T12:00:00Z")) {
            assertThatThrownBy(() -> IsoInstant.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }
}
