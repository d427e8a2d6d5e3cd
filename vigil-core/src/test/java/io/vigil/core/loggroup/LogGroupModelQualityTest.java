package io.vigil.core.loggroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.loggroup.LicenceTrafficGenerator.Plan;
import io.vigil.core.loggroup.PlantedIncident.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Fit on two clean weeks of generated licence traffic, score a day with the three incident kinds planted. */
@Tag("functional")
class LogGroupModelQualityTest {
    /** A group counts as an incident's when at least a fifth of its requests belong to it. */
    private static final int INCIDENT_SHARE_OF_25 = 5;
    private static final Instant HISTORY_START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-20T00:00:00Z"), ZoneOffset.UTC);

    /** What each incident's reason sentence must say. */
    private static final Map<Kind, String> EXPECTED_REASON = Map.of(
            Kind.REPEATED_FAILURES, "for one key",
            Kind.STOLEN_KEY, "countries and",
            Kind.KEY_GUESSING, "never seen before");

    private static LicenceTraffic day;
    private static LogGroupScores scores;

    @BeforeAll
    static void fitAndScore() {
        LicenceTrafficGenerator generator = new LicenceTrafficGenerator(LicenceTrafficGenerator.Profile.standard(), 7);
        LicenceTraffic history = generator.generate(HISTORY_START, Duration.ofDays(14), 1, List.of());
        long t0 = System.nanoTime();
        LogGroupModel model = LogGroupModel.fit(history.entries(), LogGroupSettings.defaults(), CLOCK);
        long t1 = System.nanoTime();
        Instant dayStart = HISTORY_START.plus(Duration.ofDays(14));
        day = generator.generate(dayStart, Duration.ofDays(1), history.entries().size() + 1L, List.of(
                new Plan(Kind.KEY_GUESSING, dayStart.plus(Duration.ofHours(3))),
                new Plan(Kind.REPEATED_FAILURES, dayStart.plus(Duration.ofHours(10))),
                new Plan(Kind.STOLEN_KEY, dayStart.plus(Duration.ofHours(15)))));
        scores = model.score(day.entries());
        long t2 = System.nanoTime();
        System.out.printf("history %d entries, %d groups; fit %d ms; score %d entries in %d ms%n",
                history.entries().size(), model.trainingGroups(), (t1 - t0) / 1_000_000, day.entries().size(),
                (t2 - t1) / 1_000_000);
    }

    @Test
    void flagsEveryIncidentsGroupsAndFewCleanOnes() {
        Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
        int clean = 0;
        int cleanFlagged = 0;
        for (ScoredLogGroup g : scores.groups()) {
            PlantedIncident incident = null;
            int most = 0;
            for (PlantedIncident i : day.incidents()) {
                int n = i.entriesBetween(g.startingAt(), g.endingAt());
                if (n > most) {
                    most = n;
                    incident = i;
                }
            }
            if (most == 0) {
                clean++;
                cleanFlagged += g.flagged() ? 1 : 0;
            } else if (most >= INCIDENT_SHARE_OF_25) {
                int[] counts = byKind.computeIfAbsent(incident.kind(), k -> new int[2]);
                counts[0]++;
                counts[1] += g.flagged() ? 1 : 0;
                if (g.flagged()) {
                    assertThat(g.reason()).as(incident.kind() + " reason")
                            .contains(EXPECTED_REASON.get(incident.kind()));
                }
            }
        }
        byKind.forEach((k, c) -> System.out.printf("%s: %d of %d groups flagged%n", k, c[1], c[0]));
        System.out.printf("clean: %d of %d groups flagged (%.2f%%)%n", cleanFlagged, clean,
                100.0 * cleanFlagged / clean);
        assertThat(byKind).containsOnlyKeys(Kind.values());
        byKind.forEach((k, c) -> assertThat(c[1]).as(k + " groups flagged").isEqualTo(c[0]));
        assertThat((double) cleanFlagged / clean).isLessThanOrEqualTo(0.01);
    }
}
