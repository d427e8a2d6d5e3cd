package io.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vigil.monitor.definition.MonitorJson;
import io.vigil.monitor.definition.MonitorSpec;
import io.vigil.monitor.definition.MonitorStatus;
import io.vigil.monitor.schedule.ScheduleDescription;
import io.vigil.monitor.store.MonitorDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorServiceTest {
    static MonitorSpec spec(String name, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("environment", "prod");
        m.put("schedule", "0 */5 * ? * *");
        m.put("query", Map.of());
        m.put("conditions", List.of(Map.of("type", "metric", "aggregation", "count", "operator", "above", "threshold", 10)));
        return MonitorJson.parse(m);
    }

    @Test
    void crudSearchAndCaseInsensitiveUniqueNames(@TempDir Path dir) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            MonitorService service = new MonitorService(db, clock);
            Monitor a = service.create(spec("Payments latency", "p95 of the payment API"));
            Monitor b = service.create(spec("Error rate", "failed share across all APIs"));

            MonitorNameTakenException dup = catchThrowableOfType(MonitorNameTakenException.class,
                    () -> service.create(spec("PAYMENTS Latency", null)));
            assertThat(dup.field()).isEqualTo("name");
            assertThat(service.nameAvailability("payments LATENCY", null).available()).isFalse();
            assertThat(service.nameAvailability("payments LATENCY", a.id()).available()).isTrue();
            assertThat(service.nameAvailability(" spaced", null).available()).isFalse();
            assertThat(service.nameAvailability("Fresh name", null).available()).isTrue();
            assertThatThrownBy(() -> service.update(b.id(), spec("payments latency", null)))
                    .isInstanceOf(MonitorNameTakenException.class);

            assertThat(service.search(new MonitorSearch("PAYMENT", null, null, 0, 10)).monitors())
                    .extracting(Monitor::id).containsExactly(a.id());
            assertThat(service.search(new MonitorSearch("all apis", null, null, 0, 10)).monitors())
                    .extracting(Monitor::id).containsExactly(b.id());
            assertThat(service.search(new MonitorSearch("%", null, null, 0, 10)).total()).isZero();
            MonitorPage page = service.search(new MonitorSearch(null, null, null, 1, 1));
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.monitors()).extracting(Monitor::name).containsExactly("Payments latency");

            clock.advance(java.time.Duration.ofMinutes(1));
            Monitor passive = service.setStatus(a.id(), MonitorStatus.PASSIVE);
            assertThat(passive.updatedAt()).isAfter(passive.createdAt());
            assertThat(service.active()).extracting(Monitor::id).containsExactly(b.id());
            assertThat(service.search(new MonitorSearch(null, MonitorStatus.PASSIVE, null, 0, 10)).monitors())
                    .extracting(Monitor::id).containsExactly(a.id());

            Monitor renamed = service.update(a.id(), spec("payments LATENCY", "renamed in place"));
            assertThat(service.get(a.id())).isEqualTo(renamed);

            service.delete(b.id());
            assertThatThrownBy(() -> service.get(b.id())).isInstanceOf(MonitorNotFoundException.class);
        }
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            assertThat(new MonitorService(db, clock).search(MonitorSearch.ALL).monitors())
                    .extracting(Monitor::name).containsExactly("payments LATENCY");
        }
    }

    @Test
    void describesSchedulesInEnglishWithTheNextThreeFireTimes(@TempDir Path dir) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:01:30Z"));
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            ScheduleDescription d = new MonitorService(db, clock).describeSchedule("0 */5 * ? * *");
            assertThat(d.description()).containsIgnoringCase("every 5 minutes");
            assertThat(d.nextFires()).containsExactly(Instant.parse("2026-03-01T12:05:00Z"),
                    Instant.parse("2026-03-01T12:10:00Z"), Instant.parse("2026-03-01T12:15:00Z"));
            InvalidMonitorException e = catchThrowableOfType(InvalidMonitorException.class,
                    () -> new MonitorService(db, clock).describeSchedule("0 */5 * * * *"));
            assertThat(e.field()).isEqualTo("schedule");
        }
    }
}
