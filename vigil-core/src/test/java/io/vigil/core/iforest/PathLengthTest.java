package io.vigil.core.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PathLengthTest {

    @Test
    void smallSizesFollowTheDefinition() {
        assertThat(PathLength.average(0)).isZero();
        assertThat(PathLength.average(1)).isZero();
        assertThat(PathLength.average(2)).isEqualTo(1.0);
    }

    @Test
    void matchesHarmonicFormulaForLargerSizes() {
        // c(256) = 2 (ln 255 + 0.5772156649) - 2 * 255 / 256 = 10.244770920...
        assertThat(PathLength.average(256)).isCloseTo(2 * (Math.log(255) + 0.5772156649015329) - 2.0 * 255 / 256,
                within(1e-12));
        assertThat(PathLength.average(256)).isCloseTo(10.2447709, within(1e-6));
        // c(3) = 2 (ln 2 + gamma) - 4/3
        assertThat(PathLength.average(3)).isCloseTo(2 * (Math.log(2) + 0.5772156649015329) - 4.0 / 3, within(1e-12));
    }

    @Test
    void growsMonotonically() {
        double prev = 0;
        for (int n = 2; n < 5000; n++) {
            double c = PathLength.average(n);
            assertThat(c).isGreaterThan(prev);
            prev = c;
        }
    }
}
