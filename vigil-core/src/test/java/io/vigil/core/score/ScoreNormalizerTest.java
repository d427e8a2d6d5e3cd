package io.vigil.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreNormalizerTest {

    @Test
    void centresOnTheMedianAndScalesByTheIqr() {
        ScoreNormalizer n = ScoreNormalizer.fit(new double[] {1, 2, 3, 4, 5});
        assertThat(n.median()).isEqualTo(3.0);
        assertThat(n.spread()).isEqualTo(2.0); // q75 = 4, q25 = 2
        assertThat(n.normalize(3.0)).isEqualTo(0.5);
        assertThat(n.normalize(7.0)).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-15));
    }

    @Test
    void fallsBackToStandardDeviationWhenIqrIsZero() {
        double[] raw = {1, 1, 1, 1, 1, 1, 1, 1, 1, 11};
        ScoreNormalizer n = ScoreNormalizer.fit(raw);
        assertThat(n.median()).isEqualTo(1.0);
        assertThat(n.spread()).isCloseTo(3.0, within(1e-12)); // population sd of nine 1s and one 11
    }

    @Test
    void constantScoresFallBackToOne() {
        ScoreNormalizer n = ScoreNormalizer.fit(new double[] {0.4, 0.4, 0.4});
        assertThat(n.spread()).isEqualTo(1.0);
        assertThat(n.normalize(0.4)).isEqualTo(0.5);
    }

    @Test
    void ignoresInfinitiesAndKeepsOrder() {
        ScoreNormalizer n = ScoreNormalizer.fit(new double[] {1, 2, Double.POSITIVE_INFINITY, 3});
        assertThat(n.median()).isEqualTo(2.0);
        assertThat(n.normalize(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(n.normalize(2.5)).isLessThan(n.normalize(2.6));
        assertThat(n.normalize(Double.NaN)).isNaN();
    }

    @Test
    void emptyInputGivesTheIdentityCentre() {
        ScoreNormalizer n = ScoreNormalizer.fit(new double[0]);
        assertThat(n.normalize(0)).isEqualTo(0.5);
    }
}
