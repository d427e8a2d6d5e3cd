package io.vigil.core.stream.knncad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.stream.StreamDetector;
import io.vigil.core.stream.StreamRegistry;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnnConformalTest {

    /** A daily-looking cycle with noise. */
    private static double cycle(int i, SplittableRandom random) {
        return 10 + 3 * Math.sin(2 * Math.PI * i / 48.0) + random.nextGaussian() * 0.2;
    }

    @Test
    void scoresNothingWhileTheTrainingWindowFills() {
        KnnConformal d = KnnConformal.builder().window(4).neighbors(3).training(20).build();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 23; i++) {
            KnnConformalResult r = d.observe(cycle(i, random));
            assertThat(r.score()).isZero();
            assertThat(r.nonConformity()).isNaN();
        }
        assertThat(d.observe(cycle(23, random)).nonConformity()).isFinite();
    }

    @Test
    void aSpikeInARegularCycleScoresAtTheTopAndIsFlaggedOnce() {
        KnnConformal d = KnnConformal.builder().window(8).neighbors(5).training(300).cooldown(20).build();
        SplittableRandom random = new SplittableRandom(2);
        int i = 0;
        for (; i < 1000; i++) {
            d.observe(cycle(i, random));
        }
        KnnConformalResult spike = d.observe(cycle(i++, random) + 6);
        assertThat(spike.score()).isEqualTo(1.0);
        assertThat(spike.anomaly()).isTrue();
        // The cooldown holds the next alert back while the spike is still in the lag vectors.
        KnnConformalResult after = d.observe(cycle(i, random) + 6);
        assertThat(after.anomaly()).isFalse();
    }

    @Test
    void scoresOfOrdinaryPointsSpreadOverTheUnitInterval() {
        KnnConformal d = KnnConformal.builder().window(6).neighbors(5).training(200).build();
        SplittableRandom random = new SplittableRandom(3);
        int[] bins = new int[4];
        for (int i = 0; i < 2000; i++) {
            KnnConformalResult r = d.observe(cycle(i, random));
            if (i >= 400) {
                bins[Math.min(3, (int) (r.score() * 4))]++;
            }
        }
        // A conformal score of exchangeable points is about uniform: every quarter gets a fair share.
        for (int b : bins) {
            assertThat(b).isBetween(200, 600);
        }
    }

    @Test
    void aRestoredSnapshotContinuesExactly() {
        StreamRegistry registry = StreamRegistry.standard();
        StreamDetector original = registry.create(KnnConformal.TYPE,
                Map.of("window", 5, "neighbors", 4, "training", 60, "cooldown", 3));
        SplittableRandom random = new SplittableRandom(4);
        int i = 0;
        for (; i < 150; i++) {
            original.process(io.vigil.core.stream.Observation.value(cycle(i, random)));
        }
        StreamDetector copy = registry.restore(original.snapshot());
        assertThat(copy.settings()).isEqualTo(original.settings());
        for (; i < 400; i++) {
            double v = cycle(i, random) + (i % 97 == 0 ? 5 : 0);
            var a = original.process(io.vigil.core.stream.Observation.value(v));
            var b = copy.process(io.vigil.core.stream.Observation.value(v));
            assertThat(b.toJson()).isEqualTo(a.toJson());
        }
    }

    @Test
    void settingsAreCheckedByName() {
        assertThatThrownBy(() -> KnnConformal.builder().window(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> KnnConformal.builder().neighbors(10).training(10).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("training must be greater");
        assertThatThrownBy(() -> KnnConformal.builder().threshold(1.5).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> StreamRegistry.standard().create(KnnConformal.TYPE, Map.of("depth", 2)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("unknown setting 'depth' for knn_cad; it takes ");
    }
}
