package io.vigil.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderStatisticsTest {

    @Test
    void selectsTheSameValueAsSorting() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + r.nextInt(300);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(3) == 0 ? r.nextInt(5) : r.nextGaussian();
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = r.nextInt(n);
            assertThat(OrderStatistics.select(a.clone(), n, k)).isEqualTo(sorted[k]);
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertThat(OrderStatistics.median(a.clone(), n)).isEqualTo(median);
        }
    }
}
