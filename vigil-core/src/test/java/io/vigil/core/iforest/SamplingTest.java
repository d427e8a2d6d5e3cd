package io.vigil.core.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void drawsDistinctIndicesInRange() {
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(2000);
            int k = 1 + r.nextInt(n);
            int[] s = Sampling.withoutReplacement(n, k, r);
            assertThat(s).hasSize(k);
            assertThat(Arrays.stream(s).distinct().count()).isEqualTo(k);
            assertThat(Arrays.stream(s).allMatch(i -> i >= 0 && i < n)).isTrue();
        }
    }

    @Test
    void isRoughlyUniform() {
        SplittableRandom r = new SplittableRandom(2);
        int[] counts = new int[10];
        for (int trial = 0; trial < 20000; trial++) {
            for (int i : Sampling.withoutReplacement(10, 3, r)) {
                counts[i]++;
            }
        }
        // Each index is drawn with probability 3/10: 6000 expected.
        for (int c : counts) {
            assertThat(c).isBetween(5700, 6300);
        }
    }
}
