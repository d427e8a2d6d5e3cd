package io.vigil.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void interpolatesLinearlyLikeNumpy() {
        double[] v = {4, 1, 3, 2};
        assertThat(Quantiles.quantile(v, 0.0)).isEqualTo(1.0);
        assertThat(Quantiles.quantile(v, 1.0)).isEqualTo(4.0);
        assertThat(Quantiles.quantile(v, 0.5)).isEqualTo(2.5);
        // numpy.percentile([1,2,3,4], 90) = 3.7
        assertThat(Quantiles.quantile(v, 0.9)).isEqualTo(3.7, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Quantiles.quantile(new double[0], 0.5)).hasMessageContaining("no values");
        assertThatThrownBy(() -> Quantiles.quantile(new double[] {1}, 1.5)).hasMessageContaining("q must be");
    }
}
