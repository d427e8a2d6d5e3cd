package io.vigil.core.loggroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.loggroup.LicenceTrafficGenerator.Plan;
import io.vigil.core.loggroup.LicenceTrafficGenerator.Profile;
import io.vigil.core.loggroup.PlantedIncident.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LicenceTrafficGeneratorTest {
    private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    private static final Profile PROFILE = new Profile(300, 3, 10_000, 0.01, 0);
    private static LicenceTraffic week;
    private static LicenceTraffic incidents;

    @BeforeAll
    static void generate() {
        LicenceTrafficGenerator g = new LicenceTrafficGenerator(PROFILE, 5);
        week = g.generate(MONDAY, Duration.ofDays(7), 1, List.of());
        incidents = g.generate(MONDAY.plus(Duration.ofDays(7)), Duration.ofDays(1), 1_000_000, List.of(
                new Plan(Kind.REPEATED_FAILURES, MONDAY.plus(Duration.ofHours(7 * 24 + 10))),
                new Plan(Kind.STOLEN_KEY, MONDAY.plus(Duration.ofHours(7 * 24 + 14))),
                new Plan(Kind.KEY_GUESSING, MONDAY.plus(Duration.ofHours(7 * 24 + 3)))));
    }

    @Test
    void sameSeedSameTraffic() {
        LicenceTraffic again = new LicenceTrafficGenerator(PROFILE, 5).generate(MONDAY, Duration.ofDays(7), 1,
                List.of());
        assertThat(again.entries()).isEqualTo(week.entries());
        LicenceTraffic other = new LicenceTrafficGenerator(PROFILE, 6).generate(MONDAY, Duration.ofDays(7), 1,
                List.of());
        assertThat(other.entries()).isNotEqualTo(week.entries());
    }

    @Test
    void idsAreConsecutiveInTimeOrderAndTheVolumeMatchesTheProfile() {
        List<LogEntry> e = week.entries();
        for (int i = 1; i < e.size(); i++) {
            assertThat(e.get(i).id()).isEqualTo(e.get(i - 1).id() + 1);
            assertThat(e.get(i).time()).isAfterOrEqualTo(e.get(i - 1).time());
        }
        // Five weekdays at the profile's rate, two weekend days at 40%.
        assertThat((double) e.size()).isCloseTo(10_000 * (5 + 2 * 0.4), org.assertj.core.data.Percentage
                .withPercentage(5));
        double failed = e.stream().filter(x -> !x.successful()).count() / (double) e.size();
        assertThat(failed).isBetween(0.005, 0.015);
    }

    @Test
    void weekdaysAreBusierThanNightsAndWeekends() {
        Map<Boolean, Long> workHours = week.entries().stream().collect(Collectors.partitioningBy(x -> {
            int h = x.time().atZone(ZoneOffset.UTC).getHour();
            return h >= 9 && h < 17;
        }, Collectors.counting()));
        // Eight of 24 UTC hours carry most of Europe's and much of America's working day.
        assertThat((double) workHours.get(true) / week.entries().size()).isGreaterThan(0.45);
        long saturday = week.entries().stream().filter(x -> x.time().atZone(ZoneOffset.UTC).getDayOfWeek()
                .getValue() == 6).count();
        long tuesday = week.entries().stream().filter(x -> x.time().atZone(ZoneOffset.UTC).getDayOfWeek()
                .getValue() == 2).count();
        assertThat((double) saturday / tuesday).isBetween(0.3, 0.55);
    }

    @Test
    void machinesKeepTheirIpAndCustomersTheirCountry() {
        Map<String, Set<String>> ipsPerMachine = new HashMap<>();
        Map<String, Set<String>> countriesPerKey = new HashMap<>();
        for (LogEntry e : week.entries()) {
            ipsPerMachine.computeIfAbsent(e.machineCode(), k -> new HashSet<>()).add(e.ip());
            countriesPerKey.computeIfAbsent(e.key(), k -> new HashSet<>()).add(e.country());
        }
        assertThat(ipsPerMachine.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        assertThat(countriesPerKey.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        assertThat(countriesPerKey).hasSizeGreaterThan(300);
    }

    @Test
    void plantedIncidentsAreLabelledWithTheirEntries() {
        Map<Long, LogEntry> byId = incidents.entries().stream().collect(Collectors.toMap(LogEntry::id, x -> x));
        PlantedIncident failing = incidents.incidents().get(0);
        assertThat(failing.kind()).isEqualTo(Kind.REPEATED_FAILURES);
        assertThat(failing.entryIds()).hasSize(60).allSatisfy(id -> {
            assertThat(byId.get(id).successful()).isFalse();
            assertThat(byId.get(id).key()).isEqualTo(failing.key());
        });
        PlantedIncident stolen = incidents.incidents().get(1);
        assertThat(stolen.entryIds()).hasSize(50);
        Set<String> countries = stolen.entryIds().stream().map(id -> byId.get(id).country())
                .collect(Collectors.toSet());
        assertThat(countries).hasSizeGreaterThan(8);
        assertThat(stolen.entryIds()).allSatisfy(id -> assertThat(byId.get(id).key()).isEqualTo(stolen.key()));
        PlantedIncident guessing = incidents.incidents().get(2);
        Set<String> weekKeys = week.entries().stream().map(LogEntry::key).collect(Collectors.toSet());
        assertThat(guessing.key()).isNull();
        assertThat(guessing.entryIds()).hasSize(150).allSatisfy(id -> {
            assertThat(byId.get(id).state()).isEqualTo(401);
            assertThat(weekKeys).doesNotContain(byId.get(id).key());
        });
        assertThat(incidents.incidentEntries()).isEqualTo(260);
        long first = guessing.entryIds().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(guessing.entriesBetween(first, first + 24)).isBetween(10, 25);
    }
}
