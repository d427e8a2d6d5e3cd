package io.vigil.core.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.InvalidParameterException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsolationForestTest {

    static Matrix gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return new Matrix(v, n, d);
    }

    @Test
    void builderNamesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> IsolationForest.builder().sampleSize(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("sampleSize must be greater than 0");
        assertThatThrownBy(() -> IsolationForest.builder().trees(0).build())
                .hasMessage("trees must be greater than 0");
        assertThatThrownBy(() -> IsolationForest.builder().maxFeatures(0).build())
                .hasMessageContaining("maxFeatures");
        assertThatThrownBy(() -> IsolationForest.builder().threads(0).build())
                .hasMessage("threads must be greater than 0");
    }

    @Test
    void sameSeedGivesSameScoresWhateverTheThreadCount() {
        Matrix data = gaussian(3000, 5, 1);
        double[] one = IsolationForest.builder().seed(7).threads(1).build().fit(data).score(data);
        double[] four = IsolationForest.builder().seed(7).threads(4).build().fit(data).score(data);
        double[] three = IsolationForest.builder().seed(7).threads(3).build().fit(data).score(data);
        assertThat(four).containsExactly(one);
        assertThat(three).containsExactly(one);
        double[] other = IsolationForest.builder().seed(8).threads(1).build().fit(data).score(data);
        assertThat(other).isNotEqualTo(one);
    }

    @Test
    void scoresFollowTheFormulaAndLieInZeroOne() {
        Matrix data = gaussian(1000, 3, 2);
        IsolationForestModel model = IsolationForest.builder().seed(1).build().fit(data);
        double[] s = model.score(data);
        double[] h = model.meanPathLength(data);
        double c = PathLength.average(256);
        for (int i = 0; i < s.length; i++) {
            assertThat(s[i]).isBetween(0.0, 1.0);
            assertThat(s[i]).isCloseTo(Math.pow(2, -h[i] / c), within(1e-12));
        }
        assertThat(model.trees()).isEqualTo(100);
        assertThat(model.sampleSize()).isEqualTo(256);
    }

    @Test
    void subsampleIsCappedByTheRowCount() {
        Matrix data = gaussian(50, 2, 3);
        IsolationForestModel model = IsolationForest.builder().seed(1).build().fit(data);
        assertThat(model.sampleSize()).isEqualTo(50);
    }

    @Test
    void anOutlierScoresAboveEveryInlier() {
        Matrix base = gaussian(500, 4, 4);
        double[] v = base.values().clone();
        for (int j = 0; j < 4; j++) {
            v[j] = 8.0; // row 0 lies far outside
        }
        Matrix data = new Matrix(v, 500, 4);
        double[] s = IsolationForest.builder().seed(3).build().fit(data).score(data);
        for (int i = 1; i < s.length; i++) {
            assertThat(s[0]).isGreaterThan(s[i]);
        }
        assertThat(s[0]).isGreaterThan(0.7);
    }

    @Test
    void constantDataGivesLeavesAtTheRootAndEqualScores() {
        Matrix data = new Matrix(new double[300], 100, 3);
        IsolationForestModel model = IsolationForest.builder().seed(1).build().fit(data);
        double[] s = model.score(data);
        // Every tree is a single leaf holding 100 points: path length c(100), so the score is 2^-1.
        for (double x : s) {
            assertThat(x).isCloseTo(0.5, within(1e-12));
        }
    }

    @Test
    void stateRoundTripGivesBitIdenticalScores() {
        Matrix data = gaussian(2000, 6, 5);
        IsolationForestModel model = IsolationForest.builder().seed(11).build().fit(data);
        var restored = DetectorRegistry.standard().restore(model.state());
        Matrix fresh = gaussian(500, 6, 6);
        assertThat(restored.score(fresh)).containsExactly(model.score(fresh));
    }

    @Test
    void registryAcceptsScikitLearnNamesAndRejectsUnknownParameters() {
        var reg = DetectorRegistry.standard();
        var det = reg.create("isolation_forest",
                new DetectorParameters(Map.of("n_estimators", "10", "max_samples", "64"), 0, 0.1, 1));
        assertThat(det.parameters()).containsEntry("trees", 10).containsEntry("sample_size", 64);
        assertThatThrownBy(() -> reg.create("isolation_forest",
                new DetectorParameters(Map.of("depth", "3"), 0, 0.1, 1)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("unknown parameter 'depth'");
        assertThatThrownBy(() -> reg.create("isolation_forest",
                new DetectorParameters(Map.of("trees", "many"), 0, 0.1, 1)))
                .hasMessageContaining("trees must be a number");
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        IsolationForestModel model = IsolationForest.builder().seed(1).build().fit(gaussian(100, 3, 1));
        assertThatThrownBy(() -> model.score(gaussian(5, 2, 1))).hasMessageContaining("expects 3");
    }
}
