package io.vigil.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.iforest.IsolationForest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    static Matrix gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return new Matrix(v, n, d);
    }

    @Test
    void thresholdFlagsTheContaminationShareOfTrainingRows() {
        Matrix data = gaussian(2000, 4, 1);
        SchemaEncoder enc = SchemaEncoder.fit(Table.of(data), null);
        var t = AnomalyModel.train(IsolationForest.builder().seed(1).build(), enc, enc.encode(Table.of(data)), 0.05,
                1, CLOCK);
        assertThat(t.trainingScores().anomalyCount()).isBetween(95, 100);
        assertThat(t.model().threshold()).isBetween(0.0, 1.0);
        assertThat(t.model().provenance().fittedAt()).isEqualTo(CLOCK.instant());
        assertThat(t.model().provenance().rows()).isEqualTo(2000);
        assertThat(t.model().provenance().detector()).isEqualTo("isolation_forest");
    }

    @Test
    void withoutTheBaselineAModelScoresTheSameButRefusesToExplain() {
        Matrix data = gaussian(500, 3, 2);
        SchemaEncoder enc = SchemaEncoder.fit(Table.of(data), null);
        Matrix x = enc.encode(Table.of(data));
        TrainingOptions options = TrainingOptions.of(0.1, 4, CLOCK);
        var with = AnomalyModel.train(IsolationForest.builder().seed(4).build(), enc, x, options);
        var without = AnomalyModel.train(IsolationForest.builder().seed(4).build(), enc, x,
                options.withoutBaseline());
        assertThat(with.model().baseline()).isNotNull();
        assertThat(without.model().baseline()).isNull();
        assertThat(without.trainingScores().normalized()).containsExactly(with.trainingScores().normalized());
        assertThat(without.model().threshold()).isEqualTo(with.model().threshold());
        assertThatThrownBy(() -> io.vigil.core.explain.Explainer.forModel(without.model()))
                .hasMessageContaining("has no feature baseline");
    }

    @Test
    void thresholdReadOffSortedRawScoresEqualsTheQuantileOfNormalisedScores() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int trial = 0; trial < 50; trial++) {
            double[] raw = new double[1 + r.nextInt(500)];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = r.nextInt(4) == 0 ? 0.5 : r.nextDouble();
            }
            double[] sorted = raw.clone();
            java.util.Arrays.sort(sorted);
            ScoreNormalizer n = ScoreNormalizer.fitSorted(sorted);
            double q = r.nextDouble();
            assertThat(AnomalyModel.normalizedQuantile(sorted, n, q))
                    .isCloseTo(Quantiles.quantile(n.normalize(raw), q), org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void callerThresholdOverridesTheLearnedOne() {
        Matrix data = gaussian(500, 2, 2);
        SchemaEncoder enc = SchemaEncoder.fit(Table.of(data), null);
        AnomalyModel m = AnomalyModel.train(IsolationForest.builder().build(), enc, data, 0.1, 0, CLOCK).model();
        assertThat(m.score(Table.of(data), 1.0).anomalyCount()).isZero();
        assertThat(m.score(Table.of(data), 0.0).anomalyCount()).isEqualTo(500);
        assertThatThrownBy(() -> m.score(Table.of(data), 1.5)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("threshold");
    }

    @Test
    void contaminationMustBeInItsRange() {
        Matrix data = gaussian(50, 2, 3);
        SchemaEncoder enc = SchemaEncoder.fit(Table.of(data), null);
        for (double bad : new double[] {0, -0.1, 0.51, Double.NaN}) {
            assertThatThrownBy(() -> AnomalyModel.train(IsolationForest.builder().build(), enc, data, bad, 0, CLOCK))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("contamination");
        }
    }
}
