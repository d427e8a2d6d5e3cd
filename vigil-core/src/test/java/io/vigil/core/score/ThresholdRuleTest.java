package io.vigil.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.iforest.IsolationForest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {

    @Test
    void autoThresholdIsTukeysFenceInNormalisedTerms() {
        double[] raw = {1, 2, 3, 4, 5, 6, 7, 8, 9, 30};
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        ScoreNormalizer n = ScoreNormalizer.fitSorted(sorted);
        // numpy-style quartiles: q1 = 3.25, q3 = 7.75, fence = 7.75 + 1.5 * 4.5 = 14.5
        assertThat(ThresholdRule.autoThreshold(sorted, n)).isCloseTo(n.normalize(14.5), within(1e-15));
    }

    @Test
    void constantScoresFlagNothing() {
        double[] sorted = {2, 2, 2, 2};
        assertThat(ThresholdRule.autoThreshold(sorted, ScoreNormalizer.fitSorted(sorted))).isEqualTo(1.0);
    }

    @Test
    void autoFlagsPlantedOutliersWithoutBeingToldTheirShare() {
        Random r = new Random(1);
        int n = 2000;
        double[] v = new double[n * 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        for (int i = 0; i < 20; i++) { // 1% far away
            v[2 * i] = 9 + r.nextGaussian();
            v[2 * i + 1] = -9 + r.nextGaussian();
        }
        Matrix m = new Matrix(v, n, 2);
        SchemaEncoder enc = SchemaEncoder.fit(Table.of(m), null);
        AnomalyModel.Training t = AnomalyModel.train(IsolationForest.builder().seed(1).build(), enc, m,
                TrainingOptions.of(Double.NaN, 1, AnomalyModelTest.CLOCK));
        assertThat(t.model().thresholdRule()).isEqualTo(ThresholdRule.AUTO);
        boolean[] flags = t.trainingScores().anomalous();
        for (int i = 0; i < 20; i++) {
            assertThat(flags[i]).as("planted row " + i).isTrue();
        }
        // Isolation Forest scores of a Gaussian cloud have a heavy upper tail, so its rim is flagged too.
        assertThat(t.trainingScores().anomalyCount()).isBetween(20, 200);
        assertThat(t.model().contamination()).isEqualTo(t.trainingScores().anomalyCount() / (double) n);
    }

    @Test
    void contaminationTextParses() {
        assertThat(TrainingOptions.parseContamination("auto")).isNaN();
        assertThat(TrainingOptions.parseContamination("0.05")).isEqualTo(0.05);
        assertThat(TrainingOptions.parseContamination(null)).isEqualTo(0.1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingOptions.parseContamination("lots"))
                .hasMessageContaining("contamination must be a number in (0, 0.5] or auto");
    }
}
