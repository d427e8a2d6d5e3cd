package io.vigil.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.iforest.IsolationForest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void pValueIsTheShareOfCalibrationScoresAtLeastAsHigh() {
        Calibration c = Calibration.of(new double[] {0.3, 0.1, 0.2, 0.4});
        assertThat(c.pValue(0.05)).isEqualTo(5.0 / 5);
        assertThat(c.pValue(0.2)).isEqualTo(4.0 / 5); // 0.2, 0.3, 0.4 and the row itself
        assertThat(c.pValue(0.25)).isEqualTo(3.0 / 5);
        assertThat(c.pValue(0.9)).isEqualTo(1.0 / 5);
        assertThat(c.pValue(Double.NaN)).isEqualTo(1.0 / 5);
    }

    @Test
    void falseAlarmRateOnNormalRowsStaysNearAlpha() {
        Random r = new Random(1);
        double[] v = new double[6000 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        Matrix train = new Matrix(v, 6000, 3);
        SchemaEncoder enc = SchemaEncoder.fit(Table.of(train), null);
        AnomalyModel m = AnomalyModel.train(IsolationForest.builder().seed(2).build(), enc, train,
                TrainingOptions.of(0.1, 3, AnomalyModelTest.CLOCK).withCalibration(0.3)).model();
        assertThat(m.calibration().sortedScores()).hasSize(1800);
        assertThat(m.provenance().rows()).isEqualTo(4200);
        double[] fresh = new double[20000 * 3];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = r.nextGaussian();
        }
        Scores s = m.scoreEncoded(new Matrix(fresh, 20000, 3), m.threshold()).flaggedByPValue(0.05);
        double rate = s.anomalyCount() / 20000.0;
        assertThat(rate).isBetween(0.035, 0.065);
    }

    @Test
    void tooFewHeldOutRowsIsAClearError() {
        Matrix small = new Matrix(new double[60], 30, 2);
        SchemaEncoder enc = SchemaEncoder.fit(Table.of(small), null);
        assertThatThrownBy(() -> AnomalyModel.train(IsolationForest.builder().build(), enc, small,
                TrainingOptions.of(0.1, 0, AnomalyModelTest.CLOCK).withCalibration(0.2)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("at least 20 held-out rows");
        assertThatThrownBy(() -> TrainingOptions.of(0.1, 0, AnomalyModelTest.CLOCK).withCalibration(0.9))
                .hasMessageContaining("calibration_fraction must be between 0.05 and 0.5");
    }
}
