package io.vigil.monitor.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.loggroup.LicenceTraffic;
import io.vigil.core.loggroup.LicenceTrafficGenerator;
import io.vigil.core.loggroup.LicenceTrafficGenerator.Plan;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.PlantedIncident;
import io.vigil.core.loggroup.PlantedIncident.Kind;
import io.vigil.monitor.MutableClock;
import io.vigil.monitor.store.MonitorDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clean weeks of generated licence traffic, then a day with the three incident kinds planted, ingested in
 * batches of 5,000 as a server receives them: the first model is fitted on the weeks once they are stored, and
 * every group of the day is scored as its batch arrives.
 */
class LogAnomaliesTest {
    private static final Instant HISTORY_START = Instant.parse("2026-01-05T00:00:00Z");
    private static final int BATCH = 5_000;
    /** A group counts as an incident's when at least a fifth of its requests belong to it. */
    private static final int INCIDENT_SHARE = 5;

    @TempDir
    static Path dir;
    private static LicenceTraffic history;
    private static LicenceTraffic day;
    private static MutableClock clock;

    @BeforeAll
    static void generate() {
        LicenceTrafficGenerator generator = new LicenceTrafficGenerator(LicenceTrafficGenerator.Profile.standard(), 7);
        history = generator.generate(HISTORY_START, Duration.ofDays(14), 1, List.of());
        Instant dayStart = HISTORY_START.plus(Duration.ofDays(14));
        day = generator.generate(dayStart, Duration.ofDays(1), history.entries().size() + 1L, List.of(
                new Plan(Kind.KEY_GUESSING, dayStart.plus(Duration.ofHours(3))),
                new Plan(Kind.REPEATED_FAILURES, dayStart.plus(Duration.ofHours(10))),
                new Plan(Kind.STOLEN_KEY, dayStart.plus(Duration.ofHours(15)))));
        clock = new MutableClock(dayStart);
    }

    private static LogSettings settings() {
        int n = history.entries().size();
        return LogSettings.defaults().withTrainingEntries(n, n);
    }

    private static void ingest(LogAnomalies logs, List<LogEntry> entries) {
        for (int from = 0; from < entries.size(); from += BATCH) {
            LogIngestResult r = logs.ingest(entries.subList(from, Math.min(entries.size(), from + BATCH)));
            assertThat(r.rejected()).isEmpty();
        }
    }

    @Test
    void flagsEveryIncidentsGroupsAndFewCleanOnesThroughTheStore() {
        long groupsScored;
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            LogAnomalies logs = LogAnomalies.open(db, dir, settings(), clock, Runnable::run);
            ingest(logs, history.entries());
            assertThat(logs.status()).containsEntry("model_fitted", true).containsEntry("groups_scored", 0L);
            ingest(logs, day.entries());
            List<FlaggedGroup> flagged = logs.anomalies(1000, null, null, false);
            assertThat(flagged.size()).isLessThan(1000);
            Map<Long, FlaggedGroup> byStart = new HashMap<>();
            flagged.forEach(g -> byStart.put(g.startingAt(), g));

            // Scoring starts after the history's last complete group and goes on in groups of 25.
            long firstScored = (Long) logs.status().get("trained_through") + 1;
            long lastId = history.entries().size() + day.entries().size();
            groupsScored = (Long) logs.status().get("groups_scored");
            assertThat(groupsScored).isEqualTo((lastId - firstScored + 1) / 25);
            Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
            int clean = 0;
            int cleanFlagged = 0;
            for (long from = firstScored; from + 24 <= lastId; from += 25) {
                PlantedIncident incident = null;
                int most = 0;
                for (PlantedIncident i : day.incidents()) {
                    int n = i.entriesBetween(from, from + 24);
                    if (n > most) {
                        most = n;
                        incident = i;
                    }
                }
                FlaggedGroup g = byStart.get(from);
                if (most == 0) {
                    clean++;
                    cleanFlagged += g != null ? 1 : 0;
                } else if (most >= INCIDENT_SHARE) {
                    int[] counts = byKind.computeIfAbsent(incident.kind(), k -> new int[2]);
                    counts[0]++;
                    counts[1] += g != null ? 1 : 0;
                }
            }
            assertThat(byStart.keySet()).allMatch(id -> (id - firstScored) % 25 == 0);
            byKind.forEach((k, c) -> System.out.printf("%s: %d of %d groups flagged%n", k, c[1], c[0]));
            System.out.printf("clean: %d of %d groups flagged%n", cleanFlagged, clean);
            assertThat(byKind).containsOnlyKeys(Kind.values());
            byKind.forEach((k, c) -> assertThat(c[1]).as(k + " groups flagged").isEqualTo(c[0]));
            assertThat((double) cleanFlagged / clean).isLessThanOrEqualTo(0.01);

            FlaggedGroup first = flagged.get(0);
            assertThat(first.reason()).isNotBlank();
            assertThat(first.topFeatures()).isNotEmpty().allSatisfy(f -> assertThat(f).containsKey("feature"));
            assertThat(first.endingAt() - first.startingAt()).isEqualTo(24);
            assertThat(logs.anomaly(first.id())).contains(first);
            assertThat(logs.anomaly(first.id() + 1)).isEmpty();
            List<LoggedEntry> members = logs.entriesOf(first);
            assertThat(members).hasSize(25).allMatch(e -> e.anomalyGroupId() == first.id());
            List<LoggedEntry> anomalous = logs.entries(new LogQuery(30, null, null, false, null, null, true)).entries();
            assertThat(anomalous).hasSize(30);
            assertThat(anomalous.get(0).entry().id()).isEqualTo(first.startingAt());
            assertThat(anomalous.get(24).anomalyEndingAt()).isEqualTo(first.endingAt());
            assertThat(anomalous.get(24).toJson()).containsEntry("anomaly_group_id", first.id());
            assertThat(logs.entries(new LogQuery(3, first.startingAt() - 2, null, false, null, null, false)).entries())
                    .extracting(LoggedEntry::anomalyGroupId).containsExactly(null, first.id(), first.id());
            assertThat(logs.anomalies(2, null, null, true).subList(0, 2)).extracting(FlaggedGroup::id)
                    .containsExactly(flagged.get(flagged.size() - 1).id(), flagged.get(flagged.size() - 2).id());
        }
        assertThat(dir.resolve("models").resolve("logs").resolve(LogAnomalies.MODEL_FILE)).exists();

        // After a restart the saved model scores on from the last group recorded; nothing is scored twice.
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            LogAnomalies logs = LogAnomalies.open(db, dir, settings(), clock, Runnable::run);
            assertThat(logs.status()).containsEntry("model_fitted", true)
                    .containsEntry("groups_scored", groupsScored);
            List<LogEntry> more = day.entries().subList(0, 50);
            LogIngestResult r = logs.ingest(more);
            assertThat(r.firstId()).isEqualTo(history.entries().size() + day.entries().size() + 1L);
            assertThat((Long) logs.status().get("groups_scored")).isBetween(groupsScored + 1, groupsScored + 2);
        }
    }

    @Test
    void concurrentIngestScoresEveryGroupOnceInIdOrderAndRefitsWhenDueButAtMostHourly(@TempDir Path own)
            throws Exception {
        LicenceTrafficGenerator generator = new LicenceTrafficGenerator(LicenceTrafficGenerator.Profile.standard(), 9);
        List<LogEntry> start = generator.generate(HISTORY_START, Duration.ofDays(2), 1, List.of()).entries();
        List<LogEntry> more = generator.generate(HISTORY_START.plus(Duration.ofDays(2)), Duration.ofDays(1),
                start.size() + 1L, List.of()).entries();
        // The first fit comes after 15,000 entries and fits read the newest 15,000: a refit is due 15,000 later.
        LogSettings settings = LogSettings.defaults().withTrainingEntries(15_000, 15_000);
        MutableClock now = new MutableClock(HISTORY_START.plus(Duration.ofDays(2)));
        try (MonitorDatabase db = MonitorDatabase.open(own)) {
            LogAnomalies logs = LogAnomalies.open(db, own, settings, now, Runnable::run);
            ingest(logs, start);
            long firstScored = (Long) logs.status().get("trained_through") + 1;
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(997); from < more.size(); from = next.getAndAdd(997)) {
                        logs.ingest(more.subList(from, Math.min(more.size(), from + 997)));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            long lastId = start.size() + more.size();
            assertThat(logs.store().lastId()).isEqualTo(lastId);
            assertThat(logs.status().get("groups_scored")).isEqualTo((lastId - firstScored + 1) / 25);
            // Due by volume, but the model is not an hour old: no refit yet.
            assertThat(logs.status()).containsEntry("trained_through", firstScored - 1)
                    .containsEntry("fitted_at", now.instant().toString());
            now.advance(Duration.ofMinutes(61));
            logs.ingest(more.subList(0, 100));
            // The batch is scored by the old model, then the refit on the newest entries takes over.
            assertThat(logs.status().get("groups_scored")).isEqualTo((lastId + 100 - firstScored + 1) / 25);
            assertThat((Long) logs.status().get("trained_through")).isGreaterThan(lastId);
            assertThat(logs.status()).containsEntry("fitted_at", now.instant().toString());
        }
    }
}
