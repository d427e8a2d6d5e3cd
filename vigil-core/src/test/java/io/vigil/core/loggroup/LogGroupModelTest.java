package io.vigil.core.loggroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.loggroup.LicenceTrafficGenerator.Plan;
import io.vigil.core.loggroup.LicenceTrafficGenerator.Profile;
import io.vigil.core.loggroup.PlantedIncident.Kind;
import io.vigil.core.modelfile.ModelFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small model on pseudonymised traffic: persistence, privacy, grouping and determinism. */
class LogGroupModelTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-06T00:00:00Z"), ZoneOffset.UTC);
    private static final Profile SMALL = new Profile(120, 2, 5_000, 0.01, 2);

    private static LicenceTraffic rawHistory;
    private static List<LogEntry> history;
    private static List<LogEntry> day;
    private static LogGroupModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void fit(@TempDir Path secrets) throws IOException {
        Pseudonymiser pseudonymiser = Pseudonymiser.open(secrets);
        LicenceTrafficGenerator generator = new LicenceTrafficGenerator(SMALL, 3);
        rawHistory = generator.generate(START, Duration.ofDays(3), 1, List.of());
        history = rawHistory.entries().stream().map(pseudonymiser::pseudonymise).toList();
        LicenceTraffic raw = generator.generate(START.plus(Duration.ofDays(3)), Duration.ofHours(12),
                history.size() + 1L, List.of(new Plan(Kind.KEY_GUESSING, START.plus(Duration.ofHours(80)))));
        day = raw.entries().stream().map(pseudonymiser::pseudonymise).toList();
        model = LogGroupModel.fit(history, LogGroupSettings.defaults(), CLOCK);
    }

    @Test
    void savedAndRestoredModelScoresIdentically() throws IOException {
        Path file = dir.resolve("logs.model.json");
        model.save(file);
        LogGroupModel restored = LogGroupModel.load(file);
        LogGroupScores a = model.score(day, true, null);
        LogGroupScores b = restored.score(day, true, null);
        assertThat(b.groups()).isEqualTo(a.groups());
        assertThat(a.flagged()).isNotEmpty();
        assertThat(restored.settings()).isEqualTo(model.settings());
        assertThat(restored.trainingGroups()).isEqualTo(model.trainingGroups());
        assertThat(restored.lastTrainingEntryId()).isEqualTo(model.lastTrainingEntryId());
        assertThat(restored.historySizes()).isEqualTo(model.historySizes());
        assertThat(restored.toBytes()).isEqualTo(model.toBytes());
    }

    @Test
    void modelStateHoldsNoIdentifierInTheClear() {
        String json = new String(model.toBytes(), StandardCharsets.UTF_8);
        Set<String> identifiers = new HashSet<>();
        for (LogEntry e : rawHistory.entries()) {
            identifiers.add(e.key());
            identifiers.add(e.ip());
            identifiers.add(e.machineCode());
            identifiers.add(e.product());
        }
        for (LogEntry e : history.subList(0, 500)) {
            identifiers.add(e.key());
            identifiers.add(e.ip());
        }
        assertThat(identifiers).hasSizeGreaterThan(500);
        for (String id : identifiers) {
            assertThat(json).doesNotContain(id);
        }
    }

    @Test
    void sameHistoryAndSeedGiveTheSameModel() {
        LogGroupModel again = LogGroupModel.fit(history, LogGroupSettings.defaults(), CLOCK);
        assertThat(again.toBytes()).isEqualTo(model.toBytes());
    }

    @Test
    void explainsFlaggedGroupsOnlyUnlessAskedForAll() {
        LogGroupScores scores = model.score(day);
        for (ScoredLogGroup g : scores.groups()) {
            assertThat(g.topFeatures().isEmpty()).isEqualTo(!g.flagged());
            assertThat(g.reason().isEmpty()).isEqualTo(!g.flagged());
            assertThat(g.score()).isBetween(0.0, 1.0);
            assertThat(g.flagged()).isEqualTo(g.score() > model.threshold());
        }
        assertThat(model.score(day, true, null).groups()).allSatisfy(g -> assertThat(g.topFeatures()).hasSize(3));
    }

    @Test
    void cutsGroupsFromTheFirstEntryAndLeavesTheRestPending() {
        List<LogEntry> first = day.subList(0, 60);
        LogGroupScores a = model.score(first);
        assertThat(a.groups()).extracting(ScoredLogGroup::startingAt, ScoredLogGroup::endingAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(day.get(0).id(), day.get(24).id()),
                org.assertj.core.groups.Tuple.tuple(day.get(25).id(), day.get(49).id()));
        assertThat(a.pending()).containsExactlyElementsOf(day.subList(50, 60));
        List<LogEntry> next = new ArrayList<>(a.pending());
        next.addAll(day.subList(60, 75));
        LogGroupScores b = model.score(next);
        assertThat(b.groups()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo(day.get(50).id());
            assertThat(g.endingAt()).isEqualTo(day.get(74).id());
        });
        assertThat(b.pending()).isEmpty();
        List<LogEntry> shuffled = new ArrayList<>(day.subList(0, 50));
        java.util.Collections.reverse(shuffled);
        assertThat(model.score(shuffled).groups()).isEqualTo(a.groups());
    }

    @Test
    void scoringInBatchesWithSeenIdentifiersEqualsScoringAllAtOnce() {
        List<ScoredLogGroup> whole = model.score(day, true, null).groups();
        SeenIdentifiers seen = new SeenIdentifiers(1_000_000);
        List<ScoredLogGroup> batched = new ArrayList<>();
        List<LogEntry> pending = List.of();
        for (int from = 0; from < day.size(); from += 333) {
            List<LogEntry> batch = new ArrayList<>(pending);
            batch.addAll(day.subList(from, Math.min(day.size(), from + 333)));
            LogGroupScores scores = model.score(batch, true, seen);
            batched.addAll(scores.groups());
            pending = scores.pending();
        }
        assertThat(batched).isEqualTo(whole);
        // Without the seen set, a batch takes every identifier the history lacks for new again.
        List<LogEntry> lastBatch = day.subList(day.size() / 25 * 25 - 50, day.size() / 25 * 25);
        GroupStats alone = model.score(lastBatch, true, null).groups().get(0).stats();
        assertThat(alone.unseenKeys()).isGreaterThanOrEqualTo(whole.get(whole.size() - 2).stats().unseenKeys());
    }

    @Test
    void perProductGroupsHoldOneProductEach() {
        LogGroupModel perProduct = LogGroupModel.fit(history, LogGroupSettings.defaults().withPerProduct(true)
                .withDetector("ecod", Map.of()), CLOCK);
        LogGroupScores scores = perProduct.score(day);
        assertThat(scores.groups()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.product()).isNotNull();
            long inGroup = day.stream().filter(e -> e.id() >= g.startingAt() && e.id() <= g.endingAt()
                    && e.product().equals(g.product())).count();
            assertThat(inGroup).isEqualTo(25);
        });
        assertThat(scores.groups()).extracting(ScoredLogGroup::id).isSorted();
        assertThat(scores.pending().size()).isLessThan(2 * 25);
        assertThat(perProduct.anomalyModel().provenance().detector()).isEqualTo("ecod");
    }

    @Test
    void refusesTooShortHistoriesUnknownDetectorsAndForeignFiles() {
        assertThatThrownBy(() -> LogGroupModel.fit(history.subList(0, 400), LogGroupSettings.defaults(), CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 20 are needed");
        assertThatThrownBy(() -> LogGroupModel.fit(history, LogGroupSettings.defaults()
                .withDetector("isolation_forest", Map.of("n_trees", 10)), CLOCK))
                .isInstanceOf(InvalidParameterException.class);
        Map<String, Object> newer = new java.util.LinkedHashMap<>(model.state());
        newer.put("format_version", 99);
        assertThatThrownBy(() -> LogGroupModel.fromState(newer)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("upgrade Vigil");
        assertThatThrownBy(() -> LogGroupModel.fromBytes("{\"format\":\"vigil-model\"}".getBytes(
                StandardCharsets.UTF_8))).isInstanceOf(ModelFormatException.class);
    }

    @Test
    void measuresAGroupAgainstTheModelsHistory() {
        GroupStats known = model.measure(history.subList(history.size() - 25, history.size()));
        assertThat(known.unseenKeys()).isZero();
        assertThat(known.requests()).isEqualTo(25);
    }
}
