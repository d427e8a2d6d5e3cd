package io.vigil.core.stream.bollinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.detect.InvalidParameterException;
import org.junit.jupiter.api.Test;

class EmaBollingerTest {
    /**
     * Window 3 (alpha = 2 / 4 = 0.5), k = 2, series 1, 2, 3, 10, 6; each point against the state before it.
     * <pre>
     * 1: nothing seen: band collapses on the value, score 0.          then ema 1, window [1]
     * 2: sd [1] = 0, band [1, 1]; 2 is beyond with sd 0: score inf, not flagged (window not full).  ema 1.5
     * 3: sd [1, 2] = 0.5; band 1.5 ± 1 = [0.5, 2.5]; (3 - 2.5) / 0.5 = 1, not flagged yet.      ema 2.25
     * 10: sd [1, 2, 3] = sqrt(2/3) = 0.816497; band 2.25 ± 1.632993 = [0.617007, 3.882993];
     *     score (10 - 3.882993) / 0.816497 = 7.491773, flagged.                                  ema 6.125
     * 6: sd [2, 3, 10] = sqrt(38/3) = 3.559026; band 6.125 ± 7.118052; inside: score 0.
     * </pre>
     */
    @Test
    void handComputedSeries() {
        EmaBollinger d = EmaBollinger.builder().window(3).k(2).build();
        BollingerResult r1 = d.observe(1);
        assertThat(r1.score()).isZero();
        assertThat(r1.ema()).isEqualTo(1.0);
        BollingerResult r2 = d.observe(2);
        assertThat(r2.upper()).isEqualTo(1.0);
        assertThat(r2.score()).isInfinite();
        assertThat(r2.anomaly()).isFalse();
        BollingerResult r3 = d.observe(3);
        assertThat(r3.ema()).isEqualTo(1.5);
        assertThat(r3.upper()).isCloseTo(2.5, within(1e-12));
        assertThat(r3.lower()).isCloseTo(0.5, within(1e-12));
        assertThat(r3.score()).isCloseTo(1.0, within(1e-12));
        assertThat(r3.anomaly()).isFalse();
        BollingerResult r4 = d.observe(10);
        assertThat(r4.ema()).isEqualTo(2.25);
        assertThat(r4.upper()).isCloseTo(3.882993, within(1e-6));
        assertThat(r4.lower()).isCloseTo(0.617007, within(1e-6));
        assertThat(r4.score()).isCloseTo(7.491773, within(1e-6));
        assertThat(r4.anomaly()).isTrue();
        BollingerResult r5 = d.observe(6);
        assertThat(r5.ema()).isEqualTo(6.125);
        assertThat(r5.upper()).isCloseTo(6.125 + 7.118052, within(1e-6));
        assertThat(r5.score()).isZero();
        assertThat(r5.anomaly()).isFalse();
        assertThat(r5.count()).isEqualTo(5);
    }

    @Test
    void sideSelectsTheTail() {
        EmaBollinger below = EmaBollinger.builder().window(3).k(2).side(BandSide.BELOW).build();
        EmaBollinger above = EmaBollinger.builder().window(3).k(2).side(BandSide.ABOVE).build();
        for (double v : new double[] {1, 2, 3}) {
            below.observe(v);
            above.observe(v);
        }
        assertThat(below.observe(10).score()).isZero();
        assertThat(above.observe(10).score()).isCloseTo(7.491773, within(1e-6));
        assertThat(below.observe(-20).score()).isPositive();
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> EmaBollinger.builder().window(1).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("window must be at least 2");
        assertThatThrownBy(() -> EmaBollinger.builder().k(-1).build())
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> BandSide.parse("sideways"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("above, below or outside");
    }
}
