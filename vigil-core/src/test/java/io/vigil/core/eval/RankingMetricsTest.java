package io.vigil.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void rocAucOfPerfectAndInvertedRankings() {
        boolean[] y = {false, false, true, true};
        assertThat(RankingMetrics.rocAuc(new double[] {0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(1.0);
        assertThat(RankingMetrics.rocAuc(new double[] {0.9, 0.8, 0.2, 0.1}, y)).isEqualTo(0.0);
    }

    @Test
    void rocAucMatchesScikitLearnWithTies() {
        // sklearn.metrics.roc_auc_score([0,0,1,1,0,1], [0.1,0.4,0.35,0.8,0.4,0.4]) = 0.6666666666666666
        boolean[] y = {false, false, true, true, false, true};
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.4, 0.4};
        assertThat(RankingMetrics.rocAuc(s, y)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void averagePrecisionMatchesScikitLearn() {
        // sklearn.metrics.average_precision_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.8333333333333333
        boolean[] y = {false, false, true, true};
        assertThat(RankingMetrics.averagePrecision(new double[] {0.1, 0.4, 0.35, 0.8}, y))
                .isCloseTo(0.8333333333333333, within(1e-12));
    }

    @Test
    void agreesWithPairCountingAndThresholdWalkOnRandomTiedData() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + r.nextInt(60);
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = r.nextInt(8) / 4.0; // many ties
                y[i] = r.nextInt(3) == 0;
            }
            y[0] = true;
            y[1] = false;
            double wins = 0;
            int p = 0;
            int q = 0;
            for (int i = 0; i < n; i++) {
                if (y[i]) {
                    p++;
                } else {
                    q++;
                }
                for (int j = 0; j < n; j++) {
                    if (y[i] && !y[j]) {
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            assertThat(RankingMetrics.rocAuc(s, y)).isCloseTo(wins / ((double) p * q), within(1e-12));
            // Average precision by thresholds taken from the distinct scores, highest first.
            double ap = 0;
            double lastRecall = 0;
            double[] distinct = java.util.Arrays.stream(s).distinct().sorted().toArray();
            for (int k = distinct.length - 1; k >= 0; k--) {
                int tp = 0;
                int flagged = 0;
                for (int i = 0; i < n; i++) {
                    if (s[i] >= distinct[k]) {
                        flagged++;
                        if (y[i]) {
                            tp++;
                        }
                    }
                }
                double recall = (double) tp / p;
                ap += (recall - lastRecall) * tp / flagged;
                lastRecall = recall;
            }
            assertThat(RankingMetrics.averagePrecision(s, y)).isCloseTo(ap, within(1e-12));
        }
    }

    @Test
    void singleClassGivesNaN() {
        assertThat(RankingMetrics.rocAuc(new double[] {1, 2}, new boolean[] {true, true})).isNaN();
        assertThat(RankingMetrics.averagePrecision(new double[] {1, 2}, new boolean[] {false, false})).isNaN();
    }

    @Test
    void confusionCountsAndDerivedRates() {
        Evaluation e = Evaluation.of(new double[] {0.9, 0.8, 0.1, 0.2}, new boolean[] {true, true, false, false},
                new boolean[] {true, false, true, false});
        assertThat(e.truePositives()).isEqualTo(1);
        assertThat(e.falsePositives()).isEqualTo(1);
        assertThat(e.falseNegatives()).isEqualTo(1);
        assertThat(e.trueNegatives()).isEqualTo(1);
        assertThat(e.precision()).isEqualTo(0.5);
        assertThat(e.recall()).isEqualTo(0.5);
        assertThat(e.f1()).isEqualTo(0.5);
    }
}
