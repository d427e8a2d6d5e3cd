package io.vigil.core.copod;

import io.vigil.core.ecdf.TailDetectorModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.ecdf.TailAggregation;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CopodTest {
    private static final double EPS = 1e-12;

    /** Column a = 1, 2, 3, 4, 10 is right-skewed; column b = 5, 4, 3, 2, -6 is left-skewed (see EcodTest). */
    private static final Matrix TRAIN = Matrix.of(new double[][] {{1, 5}, {2, 4}, {3, 3}, {4, 2}, {10, -6}});

    @Test
    void trainingScoresFollowThePyodFormulaByHand() {
        // Empirical copula observations: u_left(a) = 1/5 .. 5/5, u_right(a) = 5/5 .. 1/5; b mirrored.
        // Per dimension max(corrected, (l + r) / 2), corrected = r for right-skewed a, l for left-skewed b.
        // row 0: a max(0, ln 5 / 2) + b max(0, ln 5 / 2)                         = ln 5
        // row 1: a max(ln 5/4, (ln 5/2 + ln 5/4) / 2) = (ln 5/2 + ln 5/4) / 2, b the same  = ln 5/2 + ln 5/4
        // row 2: every tail is ln 5/3                                            = 2 ln 5/3
        // row 3: a max(ln 5/2, mean) = ln 5/2, b max(l = ln 5/2, mean) = ln 5/2  = 2 ln 5/2
        // row 4: a r = ln 5, b l = ln 5                                          = 2 ln 5
        double[] scores = Copod.builder().build().fit(TRAIN).score(TRAIN);
        assertThat(scores[0]).isCloseTo(Math.log(5), within(EPS));
        assertThat(scores[1]).isCloseTo(Math.log(2.5) + Math.log(1.25), within(EPS));
        assertThat(scores[2]).isCloseTo(2 * Math.log(5.0 / 3), within(EPS));
        assertThat(scores[3]).isCloseTo(2 * Math.log(2.5), within(EPS));
        assertThat(scores[4]).isCloseTo(2 * Math.log(5), within(EPS));
    }

    @Test
    void paperAggregationTakesTheLargestOfTheThreeSums() {
        // row 0: p_l = ln 5, p_r = ln 5, p_s = r(a) + l(b) = 0 -> ln 5; row 3: p_l = ln 5/4 + ln 5/2, p_r the same,
        // p_s = r(a) + l(b) = 2 ln 5/2 -> 2 ln 5/2
        double[] scores = Copod.builder().aggregation(TailAggregation.PAPER).build().fit(TRAIN).score(TRAIN);
        assertThat(scores[0]).isCloseTo(Math.log(5), within(EPS));
        assertThat(scores[3]).isCloseTo(2 * Math.log(2.5), within(EPS));
    }

    @Test
    void contributionsAreThePerDimensionScores() {
        TailDetectorModel model = Copod.builder().build().fit(TRAIN);
        Matrix c = model.contributions(TRAIN);
        assertThat(c.get(0, 0)).isCloseTo(Math.log(5) / 2, within(EPS));
        assertThat(c.get(3, 1)).isCloseTo(Math.log(2.5), within(EPS));
        double[] scores = model.score(TRAIN);
        for (int i = 0; i < TRAIN.rows(); i++) {
            assertThat(c.get(i, 0) + c.get(i, 1)).isEqualTo(scores[i]);
        }
    }

    @Test
    void deterministicAcrossThreadsAndRestoredBitIdentically() {
        Matrix train = randomMatrix(20_000, 4, 5);
        Matrix fresh = randomMatrix(5_000, 4, 6);
        TailDetectorModel one = Copod.builder().threads(1).build().fit(train);
        TailDetectorModel four = Copod.builder().threads(4).build().fit(train);
        assertThat(four.score(fresh)).isEqualTo(one.score(fresh));
        FittedDetector model = DetectorRegistry.standard().create("copod", DetectorParameters.of(Map.of()))
                .fit(train);
        FittedDetector restored = DetectorRegistry.standard().restore(model.state());
        assertThat(restored).isInstanceOf(TailDetectorModel.class);
        assertThat(restored.score(fresh)).isEqualTo(model.score(fresh));
        assertThat(restored.score(fresh)).isEqualTo(one.score(fresh));
    }

    @Test
    void stateOfAnotherDetectorOrVersionIsRefused() {
        var state = Copod.builder().build().fit(TRAIN).state();
        var ecodState = new io.vigil.core.detect.DetectorState("ecod", 1, state.parameters(), state.arrays());
        assertThat(DetectorRegistry.standard().restore(ecodState).detectorName()).isEqualTo("ecod");
        var future = new io.vigil.core.detect.DetectorState("copod", 2, state.parameters(), state.arrays());
        assertThatThrownBy(() -> DetectorRegistry.standard().restore(future))
                .hasMessageContaining("copod state version 2 is not supported");
        var broken = new io.vigil.core.detect.DetectorState("copod", 1, state.parameters(),
                Map.of("sorted_columns", new double[] {3, 2, 1, 4, 5, 6, 7, 8, 9, 10},
                        "skew_signs", new int[] {1, -1}));
        assertThatThrownBy(() -> DetectorRegistry.standard().restore(broken))
                .hasMessageContaining("column 0 is not sorted");
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> Copod.builder().threads(-1).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("threads must be greater than 0");
        assertThatThrownBy(() -> DetectorRegistry.standard()
                .create("copod", DetectorParameters.of(Map.of("aggregation", "max"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("aggregation must be pyod or paper, got 'max'");
    }

    private static Matrix randomMatrix(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(r.nextGaussian()) * (i % d + 1);
        }
        return new Matrix(v, n, d);
    }
}
