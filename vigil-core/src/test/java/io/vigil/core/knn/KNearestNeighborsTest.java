package io.vigil.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KNearestNeighborsTest {
    /*
     * Points 0, 1, 3, 7, 8, 20 on a line; sorted distances to the other points:
     *    0: 1, 3, 7, 8, 20     1: 1, 2, 6, 7, 19     3: 2, 3, 4, 5, 17
     *    7: 1, 4, 6, 7, 13     8: 1, 5, 7, 8, 12    20: 12, 13, 17, 19, 20
     */
    private static final Matrix SIX = Matrix.of(new double[][] {{0}, {1}, {3}, {7}, {8}, {20}});

    private static KNearestNeighborsModel fit(int k, DistanceSummary method) {
        return KNearestNeighbors.builder().neighbors(k).method(method).build().fit(SIX);
    }

    @Test
    void largestIsTheDistanceToTheKthNeighbour() {
        assertThat(fit(2, DistanceSummary.LARGEST).score(SIX)).containsExactly(3, 2, 3, 4, 5, 13);
    }

    @Test
    void meanAndMedianSummariseTheKDistances() {
        assertThat(fit(3, DistanceSummary.MEAN).trainingScores())
                .containsExactly(11.0 / 3, 3, 3, 11.0 / 3, 13.0 / 3, 14);
        assertThat(fit(3, DistanceSummary.MEDIAN).trainingScores()).containsExactly(3, 2, 3, 4, 5, 13);
        // Even k: numpy's median averages the two middle distances.
        assertThat(fit(4, DistanceSummary.MEDIAN).trainingScores()).containsExactly(5, 4, 3.5, 5, 6, 15);
    }

    @Test
    void newRowsAreScoredAgainstAllTrainingRows() {
        KNearestNeighborsModel model = fit(2, DistanceSummary.LARGEST);
        // 5.2: nearest 7 (1.8) then 3 (2.2). A copy of the training rows finds each row itself at 0.
        assertThat(model.score(Matrix.of(new double[][] {{5.2}}))[0]).isCloseTo(2.2, within(1e-12));
        assertThat(model.score(new Matrix(SIX.values().clone(), 6, 1))).containsExactly(1, 1, 2, 1, 1, 12);
    }

    @Test
    void duplicatesScoreZeroNotThemselves() {
        Matrix data = Matrix.of(new double[][] {{1, 1}, {1, 1}, {4, 5}, {1, 1}});
        assertThat(KNearestNeighbors.builder().neighbors(2).build().fit(data).trainingScores())
                .containsExactly(0, 0, 5, 0);
    }

    @Test
    void capsNeighboursAtRowsMinusOne() {
        assertThat(KNearestNeighbors.builder().neighbors(50).build().fit(SIX).neighbors()).isEqualTo(5);
    }

    @Test
    void restoredModelScoresBitIdentically() {
        SplittableRandom r = new SplittableRandom(5);
        for (int d : new int[] {4, 30}) {
            double[] x = new double[600 * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextDouble();
            }
            Matrix data = new Matrix(x, 600, d);
            Matrix fresh = data.slice(0, 50);
            KNearestNeighborsModel model =
                    KNearestNeighbors.builder().method(DistanceSummary.MEDIAN).build().fit(data);
            FittedDetector restored = DetectorRegistry.standard().restore(model.state());
            assertThat(restored.score(fresh)).isEqualTo(model.score(fresh));
            assertThat(((KNearestNeighborsModel) restored).trainingScores()).isEqualTo(model.trainingScores());
            assertThat(((KNearestNeighborsModel) restored).method()).isEqualTo(DistanceSummary.MEDIAN);
            KNearestNeighborsModel oneThread = KNearestNeighbors.builder().method(DistanceSummary.MEDIAN).threads(1)
                    .build().fit(data);
            assertThat(oneThread.trainingScores()).isEqualTo(model.trainingScores());
        }
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> KNearestNeighbors.builder().neighbors(-1).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("neighbors must be greater than 0");
        assertThatThrownBy(() -> KNearestNeighbors.builder().method(null).build())
                .hasMessage("method must be largest, mean or median");
        DetectorRegistry registry = DetectorRegistry.standard();
        assertThatThrownBy(() -> registry.create("knn", DetectorParameters.of(Map.of("method", "max"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("method must be largest, mean or median, got 'max'");
        var knn = registry.create("knn", DetectorParameters.of(Map.of("k", 3, "method", "Mean")));
        assertThat(knn.parameters()).containsEntry("n_neighbors", 3).containsEntry("method", "mean");
        assertThat(registry.create("knn", DetectorParameters.of(Map.of())).parameters())
                .containsEntry("n_neighbors", 5).containsEntry("method", "largest");
    }
}
