package io.vigil.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoreDistributionTest {

    @Test
    void orderStatisticsAndQuantilesMatchSorting() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(200);
            double[] raw = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(20);
                raw[i] = kind == 0 ? Double.NaN : kind == 1 ? Double.POSITIVE_INFINITY
                        : kind == 2 ? Double.NEGATIVE_INFINITY : r.nextInt(4) == 0 ? 0.5 : r.nextGaussian();
            }
            double[] sorted = raw.clone();
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(sorted[i])) {
                    sorted[i] = Double.POSITIVE_INFINITY;
                }
            }
            Arrays.sort(sorted);
            ScoreDistribution d = ScoreDistribution.of(raw);
            int k = r.nextInt(n);
            assertThat(d.orderStatistic(k)).isEqualTo(sorted[k]);
            double[] finite = Arrays.stream(sorted).filter(Double::isFinite).toArray();
            double q = r.nextDouble();
            if (finite.length > 0) {
                assertThat(d.finiteQuantile(q)).isEqualTo(Quantiles.sortedQuantile(finite, q));
            } else {
                assertThat(d.finiteQuantile(q)).isNaN();
            }
        }
    }
}
