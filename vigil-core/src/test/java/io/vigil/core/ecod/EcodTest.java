package io.vigil.core.ecod;

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
import io.vigil.core.ecdf.TailProbabilities;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EcodTest {
    private static final double EPS = 1e-12;

    /**
     * Column a = 1, 2, 3, 4, 10: mean 4, deviations -3 -2 -1 0 6, cubes sum to 180 > 0, right-skewed.
     * Column b = 5, 4, 3, 2, -6: mean 1.6, cubes 39.304 + 13.824 + 2.744 + 0.064 - 438.976 < 0, left-skewed.
     */
    static final Matrix TRAIN = Matrix.of(new double[][] {{1, 5}, {2, 4}, {3, 3}, {4, 2}, {10, -6}});

    @Test
    void trainingScoresFollowThePyodFormulaByHand() {
        // F_left(a)  = 1/5 2/5 3/5 4/5 5/5, F_right(a) = 5/5 4/5 3/5 2/5 1/5
        // F_left(b)  = 5/5 4/5 3/5 2/5 1/5, F_right(b) = 1/5 2/5 3/5 4/5 5/5
        // Skewness is non-zero in both columns, so per dimension max(l, r, corrected) = max(l, r):
        // row 0: a max(ln 5, 0) + b max(0, ln 5)             = 2 ln 5
        // row 1: a max(ln 5/2, ln 5/4) + b max(ln 5/4, ln 5/2) = 2 ln 5/2
        // row 2: all four tails are ln 5/3                     = 2 ln 5/3
        // row 3: mirror of row 1                               = 2 ln 5/2
        // row 4: mirror of row 0                               = 2 ln 5
        double[] scores = Ecod.builder().build().fit(TRAIN).score(TRAIN);
        assertThat(scores[0]).isCloseTo(2 * Math.log(5), within(EPS));
        assertThat(scores[1]).isCloseTo(2 * Math.log(2.5), within(EPS));
        assertThat(scores[2]).isCloseTo(2 * Math.log(5.0 / 3), within(EPS));
        assertThat(scores[3]).isCloseTo(2 * Math.log(2.5), within(EPS));
        assertThat(scores[4]).isCloseTo(2 * Math.log(5), within(EPS));
    }

    @Test
    void paperAggregationTakesTheLargestWholeRowSum() {
        // O_left = sum of l, O_right = sum of r, O_auto = r of a (right-skewed) + l of b (left-skewed).
        // row 0: O_left = ln 5 + 0, O_right = 0 + ln 5, O_auto = 0 + 0           -> ln 5
        // row 4: O_left = 0 + ln 5, O_right = ln 5 + 0, O_auto = ln 5 + ln 5     -> 2 ln 5 (auto wins)
        // row 2: every sum is 2 ln 5/3
        TailDetectorModel model = Ecod.builder().aggregation(TailAggregation.PAPER).build().fit(TRAIN);
        double[] scores = model.score(TRAIN);
        assertThat(scores[0]).isCloseTo(Math.log(5), within(EPS));
        assertThat(scores[4]).isCloseTo(2 * Math.log(5), within(EPS));
        assertThat(scores[2]).isCloseTo(2 * Math.log(5.0 / 3), within(EPS));
        Matrix c = model.contributions(TRAIN);
        assertThat(c.get(4, 0)).isCloseTo(Math.log(5), within(EPS));
        assertThat(c.get(4, 1)).isCloseTo(Math.log(5), within(EPS));
    }

    @Test
    void unskewedColumnAddsBothTailsAsPyodDoes() {
        // 1, 2, 3 has zero skewness; PyOD's corrected score is then l + r, which beats max(l, r):
        // x = 1: l = ln 3, r = 0 -> ln 3;  x = 2: l = r = ln 3/2 -> 2 ln 3/2
        Matrix x = Matrix.of(new double[][] {{1}, {2}, {3}});
        double[] scores = Ecod.builder().build().fit(x).score(x);
        assertThat(scores[0]).isCloseTo(Math.log(3), within(EPS));
        assertThat(scores[1]).isCloseTo(2 * Math.log(1.5), within(EPS));
        assertThat(scores[2]).isCloseTo(Math.log(3), within(EPS));
    }

    @Test
    void newRowsAreScoredAgainstTheTrainingDistributionsOnly() {
        TailDetectorModel model = Ecod.builder().build().fit(TRAIN);
        // a = 2.5: F_left 2/5, F_right 3/5 -> ln 5/2; b = 100 beyond every training value: F_right = 1/(n+1) -> ln 6
        Matrix fresh = Matrix.of(new double[][] {{2.5, 100}});
        assertThat(model.score(fresh)[0]).isCloseTo(Math.log(2.5) + Math.log(6), within(EPS));
        TailProbabilities p = model.tailProbabilities(fresh);
        assertThat(p.left().get(0, 0)).isEqualTo(0.4);
        assertThat(p.right().get(0, 0)).isEqualTo(0.6);
        assertThat(p.left().get(0, 1)).isEqualTo(1.0);
        assertThat(p.right().get(0, 1)).isEqualTo(1.0 / 6);
        // scoring alone or in a batch gives the same score: the model does not refit on what it scores
        Matrix batch = Matrix.of(new double[][] {{2.5, 100}, {-50, -50}, {3, 3}});
        assertThat(model.score(batch)[0]).isEqualTo(model.score(fresh)[0]);
    }

    @Test
    void contributionsSumToScores() {
        Matrix x = randomMatrix(500, 4, 3);
        TailDetectorModel model = Ecod.builder().build().fit(x);
        double[] scores = model.score(x);
        Matrix c = model.contributions(x);
        for (int i = 0; i < x.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < x.cols(); j++) {
                assertThat(c.get(i, j)).isGreaterThanOrEqualTo(0);
                sum += c.get(i, j);
            }
            assertThat(sum).isEqualTo(scores[i]);
        }
    }

    @Test
    void batchMergeAndSingleRowSearchAgreeEvenWithTies() {
        // integer values tie heavily; a large batch takes the sort-merge path, single rows the binary search
        Matrix train = randomMatrix(4000, 3, 7);
        Matrix rows = randomMatrix(3000, 3, 8);
        TailDetectorModel model = Ecod.builder().build().fit(train);
        double[] batch = model.score(rows);
        for (int i = 0; i < rows.rows(); i += 37) {
            assertThat(model.score(rows.slice(i, i + 1))[0]).isEqualTo(batch[i]);
        }
    }

    @Test
    void scoresDoNotDependOnThreadCount() {
        Matrix x = randomMatrix(20_000, 5, 11);
        double[] one = Ecod.builder().threads(1).build().fit(x).score(x);
        double[] four = Ecod.builder().threads(4).build().fit(x).score(x);
        assertThat(four).isEqualTo(one);
    }

    @Test
    void stateRoundTripGivesBitIdenticalScores() {
        Matrix train = randomMatrix(2000, 3, 21);
        Matrix fresh = randomMatrix(300, 3, 22);
        for (String aggregation : new String[] {"pyod", "paper"}) {
            FittedDetector model = DetectorRegistry.standard()
                    .create("ecod", DetectorParameters.of(Map.of("aggregation", aggregation))).fit(train);
            FittedDetector restored = DetectorRegistry.standard().restore(model.state());
            assertThat(restored).isInstanceOf(TailDetectorModel.class);
            assertThat(((TailDetectorModel) restored).aggregation().label()).isEqualTo(aggregation);
            assertThat(restored.score(fresh)).isEqualTo(model.score(fresh));
        }
    }

    @Test
    void validatesSettingsAndData() {
        assertThatThrownBy(() -> Ecod.builder().threads(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("threads must be greater than 0");
        assertThatThrownBy(() -> Ecod.builder().aggregation(null).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("aggregation must be pyod or paper, got null");
        assertThatThrownBy(() -> DetectorRegistry.standard()
                .create("ecod", DetectorParameters.of(Map.of("aggregation", "median"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("aggregation must be pyod or paper, got 'median'");
        assertThatThrownBy(() -> DetectorRegistry.standard()
                .create("ecod", DetectorParameters.of(Map.of("n_bins", 3))))
                .isInstanceOf(InvalidParameterException.class).hasMessage("unknown parameter 'n_bins' for ecod; it takes aggregation");
        assertThatThrownBy(() -> Ecod.builder().build().fit(new Matrix(new double[0], 0, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ecod.builder().build().fit(Matrix.of(new double[][] {{1, Double.NaN}})))
                .hasMessageContaining("row 0, column 1 is NaN");
        TailDetectorModel model = Ecod.builder().build().fit(TRAIN);
        assertThatThrownBy(() -> model.score(Matrix.of(new double[][] {{1, 2, 3}})))
                .hasMessage("rows have 3 features, the model expects 2");
        assertThatThrownBy(() -> model.score(Matrix.of(new double[][] {{Double.NaN, 2}})))
                .hasMessage("row 0, column 0 is NaN");
    }

    /** Small integers, so that values tie. */
    static Matrix randomMatrix(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(50) + (i % d == 0 ? r.nextDouble() : 0);
        }
        return new Matrix(v, n, d);
    }
}
