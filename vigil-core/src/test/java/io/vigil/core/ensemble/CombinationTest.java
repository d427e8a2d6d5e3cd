package io.vigil.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.score.ScoreNormalizer;
import org.junit.jupiter.api.Test;

class CombinationTest {
    /** median 0, spread 0.5: normalised score = sigmoid(raw). */
    private static final ScoreNormalizer SIGMOID = new ScoreNormalizer(0.0, 0.5);

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static MemberCalibration plain() {
        return new MemberCalibration(SIGMOID, Double.NaN, new double[0]);
    }

    @Test
    void meanAveragesEachMembersNormalisedScore() {
        double[][] raw = {{0.0, 2.0, -1.0}, {4.0, 2.0, 1.0}};
        double[] out = Combination.MEAN.combine(raw, new MemberCalibration[]{plain(), plain()}, 1);
        assertThat(out[0]).isCloseTo((0.5 + sigmoid(4)) / 2, within(1e-15));
        assertThat(out[1]).isCloseTo(sigmoid(2), within(1e-15));
        assertThat(out[2]).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void maxTakesTheLargestNormalisedScoreAcrossMembersWithTheirOwnNormalisers() {
        MemberCalibration wide = new MemberCalibration(new ScoreNormalizer(10.0, 5.0), Double.NaN, new double[0]);
        double[][] raw = {{1.0, -3.0}, {10.0, 30.0}};
        double[] out = Combination.MAX.combine(raw, new MemberCalibration[]{plain(), wide}, 1);
        assertThat(out[0]).isCloseTo(Math.max(sigmoid(1), 0.5), within(1e-15));
        assertThat(out[1]).isCloseTo(sigmoid((30.0 - 10.0) / 10.0), within(1e-15));
    }

    @Test
    void rankIsTheShareOfEachMembersTrainingScoresBelowTheScore() {
        MemberCalibration a = new MemberCalibration(SIGMOID, Double.NaN, new double[]{1, 2, 3, 4});
        MemberCalibration b = new MemberCalibration(SIGMOID, Double.NaN, new double[]{10, 20, 20, 40, 50});
        double[][] raw = {{2.5, 0.0, 9.0, 2.0}, {20.0, 100.0, 45.0, Double.NaN}};
        double[] out = Combination.RANK.combine(raw, new MemberCalibration[]{a, b}, 1);
        // 2 of 4 below 2.5; 1 of 5 strictly below 20.
        assertThat(out[0]).isCloseTo((0.5 + 0.2) / 2, within(1e-15));
        assertThat(out[1]).isCloseTo((0.0 + 1.0) / 2, within(1e-15));
        assertThat(out[2]).isCloseTo((1.0 + 0.8) / 2, within(1e-15));
        // A NaN member score counts as the most anomalous.
        assertThat(out[3]).isCloseTo((0.25 + 1.0) / 2, within(1e-15));
    }

    @Test
    void voteIsTheShareOfMembersAboveTheirThresholdPlusATieBreak() {
        MemberCalibration t1 = new MemberCalibration(SIGMOID, sigmoid(1.0), new double[0]);
        MemberCalibration t2 = new MemberCalibration(SIGMOID, sigmoid(2.0), new double[0]);
        MemberCalibration t3 = new MemberCalibration(SIGMOID, sigmoid(3.0), new double[0]);
        MemberCalibration[] cal = {t1, t2, t3};
        // Row 0: flagged by members 0 and 1 (majority); row 1: by member 0 only; row 2: by all; row 3: by none.
        double[][] raw = {{1.5, 5.0, 9.0, 0.0}, {2.5, 0.0, 9.0, 0.0}, {0.0, 0.0, 9.0, 0.0}};
        double[] out = Combination.VOTE.combine(raw, cal, 1);
        double tie0 = 1e-3 * (sigmoid(1.5) + sigmoid(2.5) + 0.5) / 3;
        assertThat(out[0]).isCloseTo(2.0 / 3 + tie0, within(1e-15));
        assertThat(out[1]).isCloseTo(1.0 / 3 + 1e-3 * (sigmoid(5) + 1.0) / 3, within(1e-15));
        assertThat(out[2]).isCloseTo(1.0 + 1e-3 * sigmoid(9), within(1e-15));
        assertThat(out[3]).isCloseTo(1e-3 * 0.5, within(1e-15));
        // Majority (more than half) is above 0.5, a minority below, whatever the tie-break adds.
        assertThat(out[0]).isGreaterThan(0.5);
        assertThat(out[1]).isLessThan(0.5);
    }

    @Test
    void voteTieBreakOrdersRowsWithEqualVotesByMeanNormalisedScoreOnly() {
        MemberCalibration t = new MemberCalibration(SIGMOID, sigmoid(1.0), new double[0]);
        double[][] raw = {{2.0, 50.0, 0.9}, {0.0, 0.9, 1.1}};
        double[] out = Combination.VOTE.combine(raw, new MemberCalibration[]{t, t}, 1);
        // Rows 0 and 1 both have one vote: the one with higher scores ranks higher.
        assertThat(out[1]).isGreaterThan(out[0]);
        // Row 2 has one vote too; its scores are lower than row 1's.
        assertThat(out[2]).isLessThan(out[1]);
        for (double v : out) {
            assertThat(v).isBetween(0.5, 0.5 + 1e-3);
        }
    }

    @Test
    void combinedScoresDoNotDependOnTheThreadCount() {
        int n = 20_000;
        double[][] raw = new double[3][n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (double[] member : raw) {
            for (int i = 0; i < n; i++) {
                member[i] = r.nextGaussian();
            }
        }
        MemberCalibration[] cal = {plain(), plain(), plain()};
        for (Combination c : new Combination[]{Combination.MEAN, Combination.MAX}) {
            assertThat(c.combine(raw, cal, 3)).containsExactly(c.combine(raw, cal, 1));
        }
    }

    @Test
    void parsesTheCombineParameterButNotVote() {
        assertThat(Combination.parseScoreRule(" Rank ")).isEqualTo(Combination.RANK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Combination.parseScoreRule("vote"))
                .isInstanceOf(io.vigil.core.detect.InvalidParameterException.class)
                .hasMessageContaining("mean, rank or max");
    }
}
