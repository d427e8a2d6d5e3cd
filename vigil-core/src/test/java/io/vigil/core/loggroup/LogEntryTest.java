package io.vigil.core.loggroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEntryTest {

    @Test
    void standardMappingCountsOnly2xxAsSuccess() {
        StateMapping m = StateMapping.standard();
        assertThat(m.successful(200)).isTrue();
        assertThat(m.successful(299)).isTrue();
        assertThat(m.successful(199)).isFalse();
        assertThat(m.successful(410)).isFalse();
        assertThat(m.successful(0)).isFalse();
    }

    @Test
    void customMappingRoundTripsThroughJson() {
        StateMapping m = StateMapping.of(List.of(1, 7, 1));
        assertThat(m.successStates()).containsExactly(1, 7);
        assertThat(m.successful(7)).isTrue();
        assertThat(m.successful(2)).isFalse();
        assertThat(StateMapping.fromJson(m.toJson())).isEqualTo(m);
        assertThatThrownBy(() -> StateMapping.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateMapping.fromJson(Map.of("success_states", List.of(1.5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesSuccessFromTheStateOnIngest() {
        StateMapping vendor = StateMapping.of(List.of(1));
        LogEntry ok = LogEntry.of(1, Instant.EPOCH, "p", "k", "m", "ip", "SE", 1, "Activate", "/a", null, vendor);
        LogEntry failed = LogEntry.of(2, Instant.EPOCH, "p", "k", "m", "ip", "SE", 200, "Activate", "/a", null, vendor);
        assertThat(ok.successful()).isTrue();
        assertThat(failed.successful()).isFalse();
        assertThat(ok.attributes()).isEmpty();
        assertThat(ok.withId(9).id()).isEqualTo(9);
    }

    @Test
    void jsonFormRoundTrips() {
        LogEntry e = new LogEntry(17, Instant.parse("2026-01-05T10:15:30.250Z"), "Editor", "KEY", null, "10.1.2.3",
                "SE", 410, false, "Activate", "/api/key/Activate", Map.of("friendly_name", "laptop"));
        Map<String, Object> json = e.toJson();
        assertThat(json).containsEntry("time", "2026-01-05T10:15:30.250Z").containsEntry("state", 410)
                .doesNotContainKey("machine_code");
        assertThat(LogEntry.fromJson(json, StateMapping.standard())).isEqualTo(e);
    }

    @Test
    void jsonWithoutIdOrSuccessTakesThemFromTheStoreAndTheMapping() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", 1_767_607_200_000L);
        json.put("state", 200);
        json.put("key", "K");
        LogEntry e = LogEntry.fromJson(json, StateMapping.standard());
        assertThat(e.id()).isZero();
        assertThat(e.successful()).isTrue();
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1_767_607_200_000L));
        assertThatThrownBy(() -> LogEntry.fromJson(Map.of("time", "yesterday", "state", 200),
                StateMapping.standard())).hasMessageContaining("time must be");
        assertThatThrownBy(() -> LogEntry.fromJson(Map.of("time", "2026-01-05T10:15:30Z"),
                StateMapping.standard())).hasMessageContaining("state must be");
    }
}
