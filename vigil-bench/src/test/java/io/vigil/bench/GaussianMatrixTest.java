package io.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import org.junit.jupiter.api.Test;

class GaussianMatrixTest {

    @Test
    void sameSeedGivesSameMatrixAndOtherSeedDiffers() {
        Matrix a = GaussianMatrix.standardNormal(1_000, 3, 7);
        Matrix b = GaussianMatrix.standardNormal(1_000, 3, 7);
        Matrix c = GaussianMatrix.standardNormal(1_000, 3, 8);

        assertThat(a.values()).containsExactly(b.values());
        assertThat(a.values()).isNotEqualTo(c.values());
    }

    @Test
    void columnsHaveStandardNormalMoments() {
        Matrix m = GaussianMatrix.standardNormal(50_001, 3, 1);

        for (int j = 0; j < m.cols(); j++) {
            double[] column = m.column(j);
            double mean = 0;
            for (double v : column) {
                mean += v;
            }
            mean /= column.length;
            double variance = 0;
            int beyondTwoSigma = 0;
            for (double v : column) {
                variance += (v - mean) * (v - mean);
                if (Math.abs(v) > 2) {
                    beyondTwoSigma++;
                }
            }
            variance /= column.length - 1;

            assertThat(mean).isCloseTo(0.0, within(0.03));
            assertThat(variance).isCloseTo(1.0, within(0.03));
            // P(|Z| > 2) = 0.0455 for a standard normal
            assertThat(beyondTwoSigma / (double) column.length).isCloseTo(0.0455, within(0.005));
        }
    }

    @Test
    void rejectsEmptyShapes() {
        assertThatThrownBy(() -> GaussianMatrix.standardNormal(0, 3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 x 3");
    }
}
