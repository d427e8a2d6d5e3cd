package io.vigil.core.stream.rcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.detect.InvalidParameterException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomCutForestStreamTest {
    @Test
    void gradesASpikeWithAttributionAndExpectedValue() {
        RandomCutForestStream d = RandomCutForestStream.builder().shingleSize(4).trees(30).sampleSize(128)
                .seed(5).build();
        Random random = new Random(1);
        for (int t = 0; t < 600; t++) {
            RcfResult r = d.observe(t, 10 * Math.sin(t * 2 * Math.PI / 50) + random.nextGaussian() * 0.2);
            assertThat(r.anomaly()).as("ordinary point %d", t).isEqualTo(r.grade() > 0);
        }
        RcfResult spike = d.observe(600, 80.0);
        assertThat(spike.grade()).isPositive();
        assertThat(spike.anomaly()).isTrue();
        assertThat(spike.rcfScore()).isGreaterThan(1.0);
        assertThat(spike.attribution()).hasSize(1);
        assertThat(spike.attribution()[0]).isPositive();
        assertThat(spike.expectedValues()).hasSize(1);
        assertThat(spike.expectedValues()[0]).isBetween(-15.0, 15.0);
        assertThat(spike.count()).isEqualTo(601);
        assertThat(spike.toJson()).containsKeys("score", "grade", "attribution", "expected_values");
    }

    @Test
    void multivariatePointsGetOneAttributionPerFeature() {
        RandomCutForestStream d = RandomCutForestStream.builder().dimensions(2).shingleSize(2).trees(20)
                .sampleSize(64).build();
        Random random = new Random(2);
        for (int t = 0; t < 300; t++) {
            RcfResult r = d.observe(t, random.nextGaussian(), 5 + random.nextGaussian());
            assertThat(r.attribution()).hasSize(r.anomaly() ? 2 : 0);
        }
        RcfResult r = d.observe(300, 0.0, 60.0);
        assertThat(r.anomaly()).isTrue();
        assertThat(r.attribution()).hasSize(2);
        // The second feature broke the pattern, so it carries most of the score.
        assertThat(r.attribution()[1]).isGreaterThan(r.attribution()[0]);
        assertThatThrownBy(() -> d.observe(301, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 values per point");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> RandomCutForestStream.builder().shingleSize(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("shingleSize must be greater than 0");
        assertThatThrownBy(() -> RandomCutForestStream.builder().transform("log").build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("transform must be one of");
    }
}
