package io.vigil.core.loggroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupFeaturesTest {
    private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");

    static LogEntry entry(int i, String key, String machine, String ip, String country, int state) {
        return LogEntry.of(100 + i, T0.plusSeconds(i), "product-1", key, machine, ip, country, state, "Activate",
                "/api/key/Activate", Map.of(), StateMapping.standard());
    }

    /** Ten requests: key K1 failing three times from three countries and machines, two unseen keys failing. */
    static List<LogEntry> handBuiltGroup() {
        List<LogEntry> g = new ArrayList<>();
        g.add(entry(0, "K1", "M1", "I1", "SE", 200));
        g.add(entry(1, "K1", "M1", "I1", "SE", 410));
        g.add(entry(2, "K1", "M2", "I3", "DE", 410));
        g.add(entry(3, "K1", "M3", "I3", "NO", 410));
        g.add(entry(4, "K2", "M4", "I2", "DE", 200));
        g.add(entry(5, "K3", "M5", "I4", "SE", 401));
        g.add(entry(6, "K4", "M5", "I4", "SE", 401));
        g.add(entry(7, null, "M6", "I1", "SE", 200));
        g.add(entry(8, "K2", "M4", "I2", "DE", 200));
        g.add(entry(9, "K1", "M1", "I1", "SE", 200));
        return g;
    }

    static IdentifierHistory history() {
        return IdentifierHistory.of(List.of(entry(0, "K1", "M1", "I1", "SE", 200),
                entry(1, "K2", "M4", "I2", "DE", 200)), 1000);
    }

    @Test
    void countsTheHandBuiltGroupExactly() {
        List<LogEntry> group = handBuiltGroup();
        GroupStats s = scoring(group, ZoneOffset.UTC).measure(group, 0, group.size());
        assertThat(s.requests()).isEqualTo(10);
        assertThat(s.failedRequests()).isEqualTo(5);
        assertThat(s.maxFailuresOneKey()).isEqualTo(3);
        assertThat(s.failingKeyCountries()).isEqualTo(3);
        assertThat(s.failingKeyMachines()).isEqualTo(3);
        assertThat(s.failuresUnseenKeys()).isEqualTo(2);
        assertThat(s.distinctKeys()).isEqualTo(4);
        assertThat(s.distinctMachines()).isEqualTo(6);
        assertThat(s.distinctIps()).isEqualTo(4);
        assertThat(s.distinctCountries()).isEqualTo(3);
        assertThat(s.maxCountriesOneKey()).isEqualTo(3);
        assertThat(s.maxMachinesOneKey()).isEqualTo(3);
        assertThat(s.widestKeyMachines()).isEqualTo(3);
        assertThat(s.unseenKeys()).isEqualTo(2);
        assertThat(s.unseenIps()).isEqualTo(2);
        assertThat(s.unseenCountries()).isEqualTo(1);
        assertThat(s.distinctStates()).isEqualTo(3);
        // States 200 x5, 410 x3, 401 x2.
        double entropy = -(0.5 * log2(0.5) + 0.3 * log2(0.3) + 0.2 * log2(0.2));
        assertThat(s.stateEntropy()).isCloseTo(entropy, within(1e-12));
        assertThat(s.spanSeconds()).isEqualTo(9.0);
        assertThat(s.requestsPerSecond()).isEqualTo(1.0);
        assertThat(s.hourOfDay()).isCloseTo(6 + 4.5 / 3600, within(1e-12));

        double[] f = s.features();
        assertThat(f).hasSize(GroupStats.FEATURE_NAMES.size());
        double angle = 2 * Math.PI * (6 + 4.5 / 3600) / 24;
        assertThat(f).containsExactly(new double[] {5, 3, 2, 4, 6, 4, 3, 3, 3, entropy, 0.0, 0.5, 0.5, 1.0 / 3,
            Math.sin(angle), Math.cos(angle)}, within(1e-12));
    }

    private static GroupFeatures scoring(List<LogEntry> batch, ZoneId zone) {
        return GroupFeatures.forScoring(history(), null, batch, zone);
    }

    @Test
    void identifiersCountAsNewOnlyInTheGroupTheyFirstAppearIn() {
        Instant day0 = Instant.parse("2026-01-05T00:00:00Z");
        List<LogEntry> log = List.of(
                at(1, day0, "K1", "I1", "SE"),
                at(2, day0.plusSeconds(1), "K2", "I2", "DE"),
                at(3, day0.plusSeconds(2), "K2", "I2", "DE"),
                at(4, day0.plusSeconds(3), "K3", "I3", "SE"),
                at(5, day0.plusSeconds(4), "K3", "I3", "NO"),
                at(6, day0.plusSeconds(5), "K1", "I1", "SE"));
        GroupFeatures training = GroupFeatures.forTraining(log, ZoneOffset.UTC);
        // Group [2, 4): K2, I2 and DE first appear in it; K1, I1 and SE came before.
        GroupStats second = training.measure(log, 1, 3);
        assertThat(second.unseenKeys()).isEqualTo(1);
        assertThat(second.unseenIps()).isEqualTo(1);
        assertThat(second.unseenCountries()).isEqualTo(1);
        // Group [3, 6): K2 is known by now; K3, I3 and NO are new.
        GroupStats third = training.measure(log, 2, 5);
        assertThat(third.unseenKeys()).isEqualTo(1);
        assertThat(third.distinctKeys()).isEqualTo(2);
        assertThat(third.unseenCountries()).isEqualTo(1);
        assertThat(training.measure(log, 4, 6).unseenKeys()).isZero();

        // Scoring: the history knows K1 and K2 (see history()); K3 is new in the batch's first group with it only,
        // and once observed, in no later batch.
        List<LogEntry> batch = log.subList(2, 6);
        GroupFeatures scoring = GroupFeatures.forScoring(history(), null, batch, ZoneOffset.UTC);
        assertThat(scoring.measure(batch, 0, 2).unseenKeys()).isEqualTo(1);
        assertThat(scoring.measure(batch, 2, 4).unseenKeys()).isZero();
        SeenIdentifiers seen = new SeenIdentifiers(100);
        seen.observe(batch);
        assertThat(seen.sizes()).containsEntry("keys", 3).containsEntry("countries", 3);
        List<LogEntry> later = List.of(at(7, day0.plusSeconds(9), "K3", "I3", "NO"),
                at(8, day0.plusSeconds(10), "K9", "I9", "SE"));
        GroupStats next = GroupFeatures.forScoring(history(), seen, later, ZoneOffset.UTC).measure(later, 0, 2);
        assertThat(next.unseenKeys()).isEqualTo(1);
        assertThat(next.unseenIps()).isEqualTo(1);
        assertThat(next.unseenCountries()).isZero();
    }

    private static LogEntry at(long id, Instant time, String key, String ip, String country) {
        return LogEntry.of(id, time, "p", key, "M" + key, ip, country, 200, null, null, null, StateMapping.standard());
    }

    @Test
    void readsTheHourInTheModelsZone() {
        List<LogEntry> group = handBuiltGroup();
        GroupStats s = scoring(group, ZoneId.of("Europe/Stockholm")).measure(group, 0, group.size());
        assertThat(s.hourOfDay()).isCloseTo(7 + 4.5 / 3600, within(1e-12));
    }

    @Test
    void sameMillisecondAndSuccessOnlyGroup() {
        List<LogEntry> group = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            group.add(LogEntry.of(i, T0, "p", "K1", "M1", "I1", "SE", 200, null, null, null,
                    StateMapping.standard()));
        }
        GroupStats s = scoring(group, ZoneOffset.UTC).measure(group, 0, group.size());
        assertThat(s.failedRequests()).isZero();
        assertThat(s.maxFailuresOneKey()).isZero();
        assertThat(s.failingKeyCountries()).isZero();
        assertThat(s.stateEntropy()).isEqualTo(0.0);
        assertThat(s.unseenKeys()).isZero();
        // Three gaps in the minimum span of a millisecond.
        assertThat(s.requestsPerSecond()).isEqualTo(3000.0);
    }

    @Test
    void historyKeepsTheMostRecentIdentifiersUpToItsLimit() {
        List<LogEntry> log = List.of(entry(0, "OLD", "M", "I0", "SE", 200), entry(1, "MID", "M", "I1", "SE", 200),
                entry(2, "NEW", "M", "I2", "SE", 200));
        IdentifierHistory h = IdentifierHistory.of(log, 2);
        assertThat(h.keys().contains(FingerprintSet.fingerprint("NEW"))).isTrue();
        assertThat(h.keys().contains(FingerprintSet.fingerprint("MID"))).isTrue();
        assertThat(h.keys().contains(FingerprintSet.fingerprint("OLD"))).isFalse();
        assertThat(h.countries().size()).isEqualTo(1);
        assertThat(FingerprintSet.decode(h.keys().encode()).sorted()).containsExactly(h.keys().sorted());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
