package io.vigil.core.ecdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {

    @Test
    void sortsLikeArraysSortIncludingNegativesZerosAndExtremes() {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (i % 7) {
                case 0 -> -r.nextDouble() * 1e300;
                case 1 -> r.nextGaussian();
                case 2 -> r.nextInt(5);
                case 3 -> -0.0;
                case 4 -> Double.MIN_VALUE * r.nextInt(3);
                case 5 -> -Double.MAX_VALUE;
                default -> r.nextDouble() * 1e-300;
            };
        }
        double[] expected = v.clone();
        Arrays.sort(expected);
        double[] actual = v.clone();
        RadixSort.sort(actual);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void orderIsAStableSortingPermutation() {
        double[] v = {3, 1, 2, 1, -5, 3};
        double[] sorted = new double[v.length];
        int[] order = RadixSort.order(v, sorted);
        assertThat(order).containsExactly(4, 1, 3, 2, 0, 5);
        assertThat(sorted).containsExactly(-5, 1, 1, 2, 3, 3);
    }
}
