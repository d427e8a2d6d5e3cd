package io.vigil.core.lof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LocalOutlierFactorTest {

    /*
     * Six points on a line, k = 2 (no ties among neighbour distances):
     *
     *   point  2 nearest (distance)   k-distance
     *     0    1 (1), 3 (3)            3
     *     1    0 (1), 3 (2)            2
     *     3    1 (2), 0 (3)            3
     *     7    8 (1), 3 (4)            4
     *     8    7 (1), 3 (5)            5
     *    20    8 (12), 7 (13)          13
     *
     * reach(a, b) = max(k-distance(b), d(a, b)); lrd = 1 / mean reach (the 1e-10 guard moves nothing at 1e-9):
     *     0: max(2,1)=2, max(3,3)=3   mean 2.5   lrd 2/5
     *     1: max(3,1)=3, max(3,2)=3   mean 3     lrd 1/3
     *     3: max(2,2)=2, max(3,3)=3   mean 2.5   lrd 2/5
     *     7: max(5,1)=5, max(3,4)=4   mean 4.5   lrd 2/9
     *     8: max(4,1)=4, max(3,5)=5   mean 4.5   lrd 2/9
     *    20: max(5,12)=12, max(4,13)=13 mean 12.5 lrd 2/25
     *
     * LOF = mean of neighbour lrd / own lrd:
     *     0: (1/3 + 2/5) / 2 / (2/5) = 11/12      1: (2/5 + 2/5) / 2 / (1/3) = 6/5
     *     3: (1/3 + 2/5) / 2 / (2/5) = 11/12      7: (2/9 + 2/5) / 2 / (2/9) = 7/5
     *     8: (2/9 + 2/5) / 2 / (2/9) = 7/5       20: (2/9 + 2/9) / 2 / (2/25) = 25/9
     * scikit-learn 1.2.1 gives the same (-negative_outlier_factor_).
     */
    private static final Matrix SIX = Matrix.of(new double[][] {{0}, {1}, {3}, {7}, {8}, {20}});

    private static LocalOutlierFactorModel fitSix() {
        return LocalOutlierFactor.builder().neighbors(2).build().fit(SIX);
    }

    @Test
    void matchesTheHandWorkedExample() {
        LocalOutlierFactorModel model = fitSix();
        assertThat(model.kDistances()).containsExactly(3, 2, 3, 4, 5, 13);
        double[] lrd = model.localReachabilityDensities();
        double[] expectedLrd = {2.0 / 5, 1.0 / 3, 2.0 / 5, 2.0 / 9, 2.0 / 9, 2.0 / 25};
        for (int i = 0; i < 6; i++) {
            assertThat(lrd[i]).isCloseTo(expectedLrd[i], within(1e-9));
        }
        double[] expected = {11.0 / 12, 6.0 / 5, 11.0 / 12, 7.0 / 5, 7.0 / 5, 25.0 / 9};
        double[] scores = model.trainingScores();
        for (int i = 0; i < 6; i++) {
            assertThat(scores[i]).isCloseTo(expected[i], within(1e-9));
        }
    }

    @Test
    void scoresANewPointAgainstTheTrainingNeighbourhoods() {
        /*
         * 5.2: nearest training points 7 (1.8) and 3 (2.2); reach = max(4, 1.8) = 4 and max(3, 2.2) = 3,
         * lrd = 1 / 3.5 = 2/7; LOF = (lrd(7) + lrd(3)) / 2 / (2/7) = (2/9 + 2/5) / 2 * 7/2 = 49/45.
         * scikit-learn (novelty=True): -score_samples([[5.2]]) = 1.08888889.
         */
        double[] s = fitSix().score(Matrix.of(new double[][] {{5.2}}));
        assertThat(s[0]).isCloseTo(49.0 / 45, within(1e-9));
    }

    @Test
    void theFittedMatrixGetsTrainingScoresAndACopyIsScoredAsNewPoints() {
        LocalOutlierFactorModel model = fitSix();
        assertThat(model.score(SIX)).isEqualTo(model.trainingScores());
        // As new points every row finds itself at distance 0, so the outlier 20 is judged by 20 and 8.
        Matrix copy = new Matrix(SIX.values().clone(), 6, 1);
        double[] asNew = model.score(copy);
        // 20: neighbours 20 (0) and 8 (12); reach = max(13, 0) = 13 and max(5, 12) = 12, lrd = 2/25;
        // LOF = (2/25 + 2/9) / 2 / (2/25) = (1 + 25/9) / 2 = 17/9.
        assertThat(asNew[5]).isCloseTo(17.0 / 9, within(1e-9));
    }

    @Test
    void duplicatesNeverGiveInfinityOrNaN() {
        double[][] rows = new double[60][];
        for (int i = 0; i < 60; i++) {
            rows[i] = i < 40 ? new double[] {1, 2} : new double[] {i, i % 7};
        }
        Matrix data = Matrix.of(rows);
        LocalOutlierFactorModel model = LocalOutlierFactor.builder().neighbors(5).build().fit(data);
        assertThat(Arrays.stream(model.trainingScores())).allMatch(Double::isFinite);
        // Inside the duplicate block every reach distance is 0, so lrd is exactly 1 / 1e-10 and LOF is 1.
        assertThat(model.localReachabilityDensities()[0]).isEqualTo(1e10);
        assertThat(model.trainingScores()[0]).isEqualTo(1.0);
        double[] fresh = model.score(Matrix.of(new double[][] {{1, 2}, {1, 2.5}, {50, 3}}));
        assertThat(Arrays.stream(fresh)).allMatch(Double::isFinite);

        Matrix identical = new Matrix(new double[30 * 3], 30, 3);
        assertThat(LocalOutlierFactor.builder().build().fit(identical).trainingScores()).containsOnly(1.0);
    }

    @Test
    void capsNeighboursAtRowsMinusOne() {
        LocalOutlierFactorModel model = LocalOutlierFactor.builder().build().fit(SIX);
        assertThat(model.neighbors()).isEqualTo(5);
        assertThat(Arrays.stream(model.trainingScores())).allMatch(Double::isFinite);
    }

    @Test
    void sameScoresWhateverTheThreadCount() {
        Matrix data = gaussian(3000, 5, 3);
        Matrix fresh = gaussian(500, 5, 4);
        LocalOutlierFactorModel one = LocalOutlierFactor.builder().threads(1).build().fit(data);
        LocalOutlierFactorModel four = LocalOutlierFactor.builder().threads(4).build().fit(data);
        assertThat(four.trainingScores()).isEqualTo(one.trainingScores());
        assertThat(four.score(fresh)).isEqualTo(one.score(fresh));
    }

    @Test
    void restoredModelScoresBitIdentically() {
        for (int d : new int[] {3, 20}) { // k-d tree and brute-force scan
            Matrix data = gaussian(800, d, d);
            Matrix fresh = gaussian(100, d, 100 + d);
            LocalOutlierFactorModel model = LocalOutlierFactor.builder().neighbors(7).build().fit(data);
            FittedDetector restored = DetectorRegistry.standard().restore(model.state());
            assertThat(restored).isInstanceOf(LocalOutlierFactorModel.class);
            assertThat(restored.features()).isEqualTo(d);
            assertThat(restored.score(fresh)).isEqualTo(model.score(fresh));
            assertThat(((LocalOutlierFactorModel) restored).trainingScores()).isEqualTo(model.trainingScores());
            assertThat(restored.state().parameters()).isEqualTo(model.state().parameters());
        }
    }

    @Test
    void refusesStateOfAnotherVersionOrWithBrokenArrays() {
        DetectorState s = fitSix().state();
        DetectorState future = new DetectorState(s.detector(), 2, s.parameters(), s.arrays());
        assertThatThrownBy(() -> DetectorRegistry.standard().restore(future)).hasMessageContaining("version 2");
        Map<String, Object> arrays = new HashMap<>(s.arrays());
        arrays.put("lrd", new double[3]);
        DetectorState broken = new DetectorState(s.detector(), 1, s.parameters(), arrays);
        assertThatThrownBy(() -> DetectorRegistry.standard().restore(broken)).hasMessageContaining("do not agree");
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> LocalOutlierFactor.builder().neighbors(0).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("neighbors must be greater than 0")
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("n_neighbors");
        assertThatThrownBy(() -> LocalOutlierFactor.builder().threads(0).build())
                .hasMessage("threads must be greater than 0");
        assertThatThrownBy(() -> LocalOutlierFactor.builder().build().fit(Matrix.of(new double[][] {{1}})))
                .hasMessageContaining("at least 2 rows");
        assertThatThrownBy(() -> fitSix().score(Matrix.of(new double[][] {{1, 2}})))
                .hasMessage("rows have 2 features, the model expects 1");
    }

    @Test
    void registryTakesTheAliasAndRejectsUnknownParameters() {
        DetectorRegistry registry = DetectorRegistry.standard();
        var lof = registry.create("local_outlier_factor", DetectorParameters.of(Map.of("k", "2")));
        assertThat(lof.parameters()).containsEntry("n_neighbors", 2);
        assertThat(((LocalOutlierFactorModel) lof.fit(SIX)).trainingScores()[5]).isCloseTo(25.0 / 9, within(1e-9));
        assertThatThrownBy(() -> registry.create("local_outlier_factor",
                DetectorParameters.of(Map.of("n_neighbors", 3, "k", 3))))
                .hasMessage("give only one of n_neighbors and k");
        assertThatThrownBy(() -> registry.create("local_outlier_factor",
                DetectorParameters.of(Map.of("leaf_size", 3)))).hasMessageContaining("unknown parameter 'leaf_size'");
    }

    static Matrix gaussian(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            double u = 1 - r.nextDouble();
            x[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return new Matrix(x, n, d);
    }
}
