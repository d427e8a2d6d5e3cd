package io.vigil.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.autoencoder.Autoencoder;
import io.vigil.core.copod.Copod;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.ecod.Ecod;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.hbos.Hbos;
import io.vigil.core.iforest.IsolationForest;
import io.vigil.core.knn.KNearestNeighbors;
import io.vigil.core.lof.LocalOutlierFactor;
import io.vigil.core.ocsvm.OneClassSvm;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.FeatureBaseline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExplainerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final int ROWS = 1000;
    static final int D = 5;

    /**
     * 1000 N(0,1) rows of 5 features; the last two are planted anomalies, +8 in feature 3 and -8 in feature 1, their
     * other features drawn from N(0, 0.25^2) so that no other value of theirs is itself extreme.
     */
    static Matrix plantedData() {
        Random r = new Random(42);
        double[] v = new double[ROWS * D];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < (ROWS - 2) * D ? r.nextGaussian() : 0.25 * r.nextGaussian();
        }
        v[(ROWS - 2) * D + 3] = 8.0;
        v[(ROWS - 1) * D + 1] = -8.0;
        return new Matrix(v, ROWS, D);
    }

    static AnomalyModel train(Detector detector, Matrix data) {
        SchemaEncoder encoder = SchemaEncoder.fit(Table.of(data), null);
        return AnomalyModel.train(detector, encoder, encoder.encode(Table.of(data)), 0.05, 7, CLOCK).model();
    }

    static Stream<Arguments> detectors() {
        return Stream.of(
                Arguments.of(IsolationForest.builder().seed(3).build(), AttributionMethod.PATH_DEPTH),
                Arguments.of(Ecod.builder().build(), AttributionMethod.DIMENSION_TERMS),
                Arguments.of(Copod.builder().build(), AttributionMethod.DIMENSION_TERMS),
                Arguments.of(Hbos.builder().build(), AttributionMethod.DIMENSION_TERMS),
                Arguments.of(LocalOutlierFactor.builder().build(), AttributionMethod.OCCLUSION),
                Arguments.of(KNearestNeighbors.builder().build(), AttributionMethod.OCCLUSION),
                Arguments.of(OneClassSvm.builder().build(), AttributionMethod.OCCLUSION),
                Arguments.of(Autoencoder.builder().seed(5).epochs(20).build(), AttributionMethod.OCCLUSION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void namesThePlantedFeatureFirst(Detector detector, AttributionMethod expected) {
        Matrix data = plantedData();
        AnomalyModel model = train(detector, data);
        Matrix encoded = model.encoder().encode(Table.of(data));
        Explainer explainer = Explainer.forModel(model, FeatureBaseline.of(encoded));
        assertThat(explainer.method()).isEqualTo(expected);

        List<Explanation> ex = explainer.explain(encoded.slice(ROWS - 2, ROWS), 2);
        List<String> names = model.encoder().featureNames();
        FeatureContribution plus = ex.get(0).top().get(0);
        FeatureContribution minus = ex.get(1).top().get(0);
        assertThat(plus.feature()).isEqualTo(names.get(3));
        assertThat(minus.feature()).isEqualTo(names.get(1));
        // The planted feature dominates, not just edges out the runner-up.
        assertThat(plus.contribution()).isGreaterThan(2 * ex.get(0).top().get(1).contribution());
        assertThat(minus.contribution()).isGreaterThan(2 * ex.get(1).top().get(1).contribution());
        assertThat(plus.value()).isEqualTo(encoded.get(ROWS - 2, 3));
        assertThat(minus.value()).isEqualTo(encoded.get(ROWS - 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void sharesAreNonNegativeAndSumToOneForEveryRow(Detector detector, AttributionMethod ignored) {
        Matrix data = plantedData().slice(ROWS - 300, ROWS);
        AnomalyModel model = train(detector, data);
        Matrix encoded = model.encoder().encode(Table.of(data));
        Matrix shares = Explainer.forModel(model, FeatureBaseline.of(encoded)).contributions(encoded);
        assertThat(shares.rows()).isEqualTo(300);
        for (int i = 0; i < shares.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < D; j++) {
                assertThat(shares.get(i, j)).isBetween(0.0, 1.0);
                sum += shares.get(i, j);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void normalValueIsTheTrainingMedianAndValueTheRowsOwn() {
        Matrix data = plantedData();
        AnomalyModel model = train(Ecod.builder().build(), data);
        Matrix encoded = model.encoder().encode(Table.of(data));
        List<Explanation> ex = Explainer.forModel(model, FeatureBaseline.of(encoded)).explain(encoded.slice(0, 20), D);
        List<String> names = model.encoder().featureNames();
        for (int i = 0; i < 20; i++) {
            for (FeatureContribution c : ex.get(i).top()) {
                int j = names.indexOf(c.feature());
                double[] column = encoded.column(j);
                Arrays.sort(column);
                assertThat(c.normalValue()).isEqualTo((column[ROWS / 2 - 1] + column[ROWS / 2]) / 2);
                assertThat(c.value()).isEqualTo(encoded.get(i, j));
            }
        }
    }

    @Test
    void kBeyondTheFeatureCountGivesEveryFeatureSortedDescending() {
        Matrix data = plantedData();
        AnomalyModel model = train(Hbos.builder().build(), data);
        Matrix encoded = model.encoder().encode(Table.of(data));
        Explainer explainer = Explainer.forModel(model, FeatureBaseline.of(encoded));
        for (Explanation e : explainer.explain(encoded.slice(990, ROWS), 50)) {
            assertThat(e.top()).hasSize(D);
            assertThat(e.top().stream().map(FeatureContribution::feature).distinct()).hasSize(D);
            assertThat(e.top().stream().mapToDouble(FeatureContribution::contribution).sum())
                    .isCloseTo(1.0, within(1e-12));
            for (int r = 1; r < D; r++) {
                assertThat(e.top().get(r).contribution()).isLessThanOrEqualTo(e.top().get(r - 1).contribution());
            }
        }
        assertThat(explainer.explain(encoded.slice(0, 3), 1)).allSatisfy(e -> assertThat(e.top()).hasSize(1));
        assertThatThrownBy(() -> explainer.explain(encoded, 0)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("k must be greater than 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void sameSeedSameExplanations(Detector detector, AttributionMethod ignored) {
        Matrix data = plantedData().slice(ROWS - 400, ROWS);
        AnomalyModel first = train(detector, data);
        AnomalyModel second = train(detector, data);
        Matrix encoded = first.encoder().encode(Table.of(data));
        FeatureBaseline baseline = FeatureBaseline.of(encoded);
        assertThat(Explainer.forModel(first, baseline).explain(encoded, 3))
                .isEqualTo(Explainer.forModel(second, baseline).explain(encoded, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void aRowsExplanationDoesNotDependOnTheRowsExplainedWithIt(Detector detector, AttributionMethod ignored) {
        Matrix data = plantedData().slice(ROWS - 400, ROWS);
        AnomalyModel model = train(detector, data);
        Matrix encoded = model.encoder().encode(Table.of(data));
        Explainer explainer = Explainer.forModel(model, FeatureBaseline.of(encoded));
        List<Explanation> batch = explainer.explain(encoded.slice(380, 400), D);
        for (int r = 0; r < 20; r += 7) {
            assertThat(explainer.explain(encoded.slice(380 + r, 381 + r), D).get(0)).isEqualTo(batch.get(r));
        }
    }

    @Test
    void occlusionAgreesWithTheTermsOfAnAdditiveScore() {
        // ECOD's PyOD score is the sum of its dimension terms, so setting a feature to its median lowers the score
        // by exactly that feature's term excess: both methods must give the same shares.
        Matrix data = plantedData();
        AnomalyModel model = train(Ecod.builder().build(), data);
        Matrix encoded = model.encoder().encode(Table.of(data));
        FeatureBaseline baseline = FeatureBaseline.of(encoded);
        Matrix rows = encoded.slice(900, ROWS);
        double[] terms = Explainer.forModel(model, baseline, AttributionMethod.DIMENSION_TERMS).contributions(rows)
                .values();
        double[] occluded = Explainer.forModel(model, baseline, AttributionMethod.OCCLUSION).contributions(rows)
                .values();
        for (int p = 0; p < terms.length; p++) {
            assertThat(occluded[p]).isCloseTo(terms[p], within(1e-9));
        }
    }

    @Test
    void rejectsAMethodThatDoesNotSuitTheDetectorAndAMismatchedBaseline() {
        Matrix data = plantedData();
        AnomalyModel model = train(Ecod.builder().build(), data);
        Matrix encoded = model.encoder().encode(Table.of(data));
        FeatureBaseline baseline = FeatureBaseline.of(encoded);
        assertThatThrownBy(() -> Explainer.forModel(model, baseline, AttributionMethod.PATH_DEPTH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("isolation_forest");
        FeatureBaseline three = new FeatureBaseline(new double[3], new double[3]);
        assertThatThrownBy(() -> Explainer.forModel(model, three)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 features");
        assertThatThrownBy(() -> Explainer.forModel(model, baseline).explain(new Matrix(new double[3], 1, 3), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expects 5");
    }

    @Test
    void normaliseSpreadsAnAllZeroRowEvenlyAndSharesInfiniteCreditsAmongThem() {
        double[] zeros = {0, 0, 0, 0};
        Explainer.normalise(zeros, 0, 4);
        assertThat(zeros).containsExactly(0.25, 0.25, 0.25, 0.25);
        double[] inf = {1, Double.POSITIVE_INFINITY, 3, Double.POSITIVE_INFINITY};
        Explainer.normalise(inf, 0, 4);
        assertThat(inf).containsExactly(0, 0.5, 0, 0.5);
        double[] offset = {9, 9, 1, 3};
        Explainer.normalise(offset, 2, 2);
        assertThat(offset).containsExactly(9, 9, 0.25, 0.75);
    }

    @Test
    void rankingIsByShareDescendingWithTiesInFeatureOrder() {
        double[] shares = {0.1, 0.3, 0.1, 0.3, 0.2, 0.0, 0.0};
        assertThat(Explainer.ranking(shares, 0, 7)).containsExactly(1, 3, 4, 0, 2, 5, 6);
        Random r = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            int d = 1 + r.nextInt(40);
            double[] s = new double[d];
            for (int j = 0; j < d; j++) {
                s[j] = r.nextInt(5) / 4.0;
            }
            Integer[] expected = new Integer[d];
            for (int j = 0; j < d; j++) {
                expected[j] = j;
            }
            Arrays.sort(expected, (a, b) -> Double.compare(s[b], s[a]));
            assertThat(Arrays.stream(Explainer.ranking(s, 0, d)).boxed().toList()).containsExactly(expected);
        }
    }
}
