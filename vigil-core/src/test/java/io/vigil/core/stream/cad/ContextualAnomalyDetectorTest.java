package io.vigil.core.stream.cad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.stream.Observation;
import io.vigil.core.stream.StreamDetector;
import io.vigil.core.stream.StreamRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContextualAnomalyDetectorTest {

    /** A daily-looking cycle with a little noise. */
    private static double cycle(int i, SplittableRandom random) {
        return 10 + 3 * Math.sin(2 * Math.PI * i / 48.0) + random.nextGaussian() * 0.1;
    }

    @Test
    void scoresNothingWhileTheRangeIsLearnedNorDuringTheFirstRestPeriod() {
        ContextualAnomalyDetector d = ContextualAnomalyDetector.builder().warmUp(40).restPeriod(60).build();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 60; i++) {
            CadResult r = d.observe(cycle(i, random) + (i == 45 ? 50 : 0));
            assertThat(r.score()).isZero();
            if (i < 40) {
                assertThat(r.rawScore()).isZero();
            }
        }
        assertThat(d.relearned()).isEqualTo(2);
    }

    @Test
    void aLevelShiftAfterACycleScoresHighAtTheShiftAndIsFlagged() {
        ContextualAnomalyDetector d = ContextualAnomalyDetector.builder().build();
        SplittableRandom random = new SplittableRandom(2);
        int i = 0;
        int late = 0;
        for (; i < 3000; i++) {
            CadResult r = d.observe(cycle(i, random));
            if (i >= 2000 && r.anomaly()) {
                late++;
            }
        }
        // Once the cycle is learned it raises no alerts.
        assertThat(late).isZero();
        CadResult shift = d.observe(cycle(i++, random) + 20);
        assertThat(shift.score()).isGreaterThanOrEqualTo(0.75);
        assertThat(shift.anomaly()).isTrue();
    }

    @Test
    void aConstantSeriesThenAStepScoresHighAtTheStep() {
        ContextualAnomalyDetector d = ContextualAnomalyDetector.builder().build();
        for (int i = 0; i < 500; i++) {
            assertThat(d.observe(5.0).score()).isZero();
        }
        CadResult step = d.observe(6.0);
        assertThat(step.score()).isGreaterThanOrEqualTo(0.75);
        assertThat(step.anomaly()).isTrue();
    }

    @Test
    void valuesLessThanABinOutsideDoNotRelearnAndATrendRelearnsLogarithmicallyOften() {
        ContextualAnomalyDetector d = ContextualAnomalyDetector.builder().warmUp(10).history(50).build();
        for (int i = 0; i < 10; i++) {
            d.observe(i % 2 == 0 ? 0.0 : 7.0);
        }
        assertThat(d.relearned()).isEqualTo(1);
        d.observe(7.9);
        d.observe(-0.9);
        assertThat(d.relearned()).isEqualTo(1);
        d.observe(8.1);
        assertThat(d.relearned()).isEqualTo(2);

        ContextualAnomalyDetector trend = ContextualAnomalyDetector.builder().build();
        for (int i = 1; i <= 20_000; i++) {
            trend.observe(i);
        }
        // Each relearning grows the range by at least a seventh: at most ln(20000 / 150) / ln(8 / 7) + 1 of them.
        assertThat(trend.relearned()).isBetween(2L, 38L);
    }

    @Test
    void aRestoredSnapshotContinuesExactlyFromAnyPoint() {
        StreamRegistry registry = StreamRegistry.standard();
        Map<String, Object> settings = Map.of("warm_up", 60, "history", 200, "rest_period", 40, "cooldown", 5);
        SplittableRandom random = new SplittableRandom(4);
        List<Double> stream = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            double v = cycle(i, random);
            stream.add(i == 400 ? v + 12 : i >= 700 ? v * 3 : v);
        }
        // During the warm-up, at its end, after learning, around a widening and a level change.
        for (int at : new int[] {0, 30, 59, 60, 61, 350, 400, 401, 702}) {
            StreamDetector original = registry.create(ContextualAnomalyDetector.TYPE, settings);
            for (int i = 0; i < at; i++) {
                original.process(Observation.value(stream.get(i)));
            }
            StreamDetector copy = registry.restore(original.snapshot());
            assertThat(copy.settings()).isEqualTo(original.settings());
            assertThat(copy.count()).isEqualTo(at);
            for (int i = at; i < stream.size(); i++) {
                Observation o = Observation.value(stream.get(i));
                assertThat(copy.process(o).toJson()).as("point %d after a snapshot at %d", i, at)
                        .isEqualTo(original.process(o).toJson());
            }
        }
    }

    @Test
    void isDeterministic() {
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = cycle(i, random) + (i % 500 == 499 ? 8 : 0);
        }
        ContextualAnomalyDetector a = ContextualAnomalyDetector.builder().build();
        ContextualAnomalyDetector b = ContextualAnomalyDetector.builder().build();
        double sum = 0;
        for (double v : values) {
            CadResult x = a.observe(v);
            CadResult y = b.observe(v);
            assertThat(y).isEqualTo(x);
            sum += x.score();
        }
        assertThat(sum).isPositive();
    }

    @Test
    void settingsAreCheckedByName() {
        assertThatThrownBy(() -> ContextualAnomalyDetector.builder().warmUp(-1).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("warm_up must be between");
        assertThatThrownBy(() -> ContextualAnomalyDetector.builder().warmUp(800).history(750).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("history must be between warm_up");
        assertThatThrownBy(() -> ContextualAnomalyDetector.builder().range(3, 1).warmUp(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("min at most max");
        assertThatThrownBy(() -> ContextualAnomalyDetector.builder().range(0, 1).warmUp(150).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("warm_up learns the range");
        // With a range and no warm_up, the builder agrees with the registry's settings: no warm-up.
        assertThat(ContextualAnomalyDetector.builder().range(0, 1).build().settings()).containsEntry("warm_up", 0);
        assertThatThrownBy(() -> ContextualAnomalyDetector.builder().restPeriod(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("rest_period");
        assertThatThrownBy(() -> ContextualAnomalyDetector.builder().valueBits(9).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("value_bits");
        assertThatThrownBy(() -> ContextualAnomalyDetector.builder().threshold(1.5).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("threshold");
        StreamRegistry registry = StreamRegistry.standard();
        assertThatThrownBy(() -> registry.create(ContextualAnomalyDetector.TYPE, Map.of("min", 0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("give both min and max");
        assertThatThrownBy(() -> registry.create(ContextualAnomalyDetector.TYPE, Map.of("depth", 2)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("unknown setting 'depth' for cad_ose; it takes ");
        StreamDetector known = registry.create(ContextualAnomalyDetector.TYPE, Map.of("min", 0, "max", 10));
        assertThat(known.settings()).containsEntry("min", 0.0).containsEntry("max", 10.0).containsEntry("warm_up", 0);
    }

    @Test
    void rejectsNonFiniteValuesAndCorruptSnapshots() {
        ContextualAnomalyDetector d = ContextualAnomalyDetector.builder().build();
        assertThatThrownBy(() -> d.observe(Double.NaN)).hasMessageContaining("finite");
        String snapshot = new String(d.snapshot(), java.nio.charset.StandardCharsets.UTF_8);
        byte[] corrupt = snapshot.replaceFirst("\"memory\":\"[^\"]*\"", "\"memory\":\"AAAA\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StreamRegistry.standard().restore(corrupt))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt cad_ose snapshot");
        // A memory whose first count is negative: named once, not "corrupt cad_ose snapshot: corrupt ...".
        String negative = java.util.Base64.getEncoder().encodeToString(new byte[] {-1, -1, -1, -1});
        byte[] badCount = snapshot.replaceFirst("\"memory\":\"[^\"]*\"", "\"memory\":\"" + negative + "\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StreamRegistry.standard().restore(badCount))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("corrupt cad_ose snapshot: bad count -1");
        byte[] oldVersion = snapshot.replace("\"state\":{\"version\":1", "\"state\":{\"version\":99")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StreamRegistry.standard().restore(oldVersion))
                .hasMessage("cad_ose snapshot state version 99 is not supported (expected 1)");
    }
}
