package io.vigil.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.data.Matrix;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StandardizationTest {

    @Test
    void usesPopulationStandardDeviationAndScaleOneForConstantFeatures() {
        Matrix data = Matrix.of(new double[][] {{1, 5, 10}, {2, 5, 20}, {3, 5, 30}, {4, 5, 40}});
        Standardization s = Standardization.fit(data);
        assertThat(s.means()).containsExactly(2.5, 5, 25);
        // ddof 0 like scikit-learn: sqrt(1.25), not the sample deviation sqrt(5/3).
        assertThat(s.scales()[0]).isCloseTo(Math.sqrt(1.25), Offset.offset(1e-15));
        assertThat(s.scales()[1]).isEqualTo(1.0);
        Matrix z = s.apply(data);
        assertThat(z.column(1)).containsOnly(0.0);
        assertThat(z.get(0, 0)).isCloseTo(-1.5 / Math.sqrt(1.25), Offset.offset(1e-15));
        assertThat(data.get(0, 0)).isEqualTo(1.0);
    }

    @Test
    void equalityComparesContentsAndBadScalesAreRejected() {
        assertThat(new Standardization(new double[] {1}, new double[] {2}))
                .isEqualTo(new Standardization(new double[] {1}, new double[] {2}));
        assertThatThrownBy(() -> new Standardization(new double[] {0}, new double[] {0}))
                .hasMessageContaining("scales must be positive");
        assertThatThrownBy(() -> Standardization.fit(Matrix.of(new double[][] {{1, 2}})).apply(
                Matrix.of(new double[][] {{1}}))).hasMessage("rows have 1 features, the scaling expects 2");
    }
}
