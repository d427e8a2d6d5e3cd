package io.vigil.core.hbos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HbosTest {
    private static final double EPS = 1e-12;

    /** Column 0 = 0, 1, 2, 3, 10; column 1 constant 7. */
    private static final Matrix TRAIN = Matrix.of(new double[][] {{0, 7}, {1, 7}, {2, 7}, {3, 7}, {10, 7}});

    private static double penalty(double density) {
        return -Math.log(density + 0.1) / Math.log(2);
    }

    @Test
    void scoresFollowPyodByHand() {
        // Two bins. Column 0: edges 0, 5, 10; [0, 5) holds 0 1 2 3, [5, 10] holds 10;
        //   densities 4 / 5 / 5 = 0.16 and 1 / 5 / 5 = 0.04, penalties -log2(0.26) and -log2(0.14).
        // Column 1: constant, so numpy widens the range to 6.5 .. 7.5: edges 6.5, 7, 7.5; 7 is counted in [7, 7.5]:
        //   densities 0 and 5 / 0.5 / 5 = 2. Lookup is np.digitize(right=True), which puts 7 in (6.5, 7], the empty
        //   first bin: penalty -log2(0 + 0.1) for every training row, exactly as PyOD scores it.
        HbosModel model = Hbos.builder().bins(2).build().fit(TRAIN);
        assertThat(model.edges(0)).containsExactly(0, 5, 10);
        assertThat(model.density(0)).containsExactly(0.16, 0.04);
        assertThat(model.edges(1)).containsExactly(6.5, 7, 7.5);
        assertThat(model.density(1)).containsExactly(0, 2);
        double[] scores = model.score(TRAIN);
        double constant = penalty(0);
        assertThat(scores[0]).isCloseTo(penalty(0.16) + constant, within(EPS));
        assertThat(scores[3]).isCloseTo(penalty(0.16) + constant, within(EPS));
        assertThat(scores[4]).isCloseTo(penalty(0.04) + constant, within(EPS));
    }

    @Test
    void valuesOutsideTheEdgesUseTolerance() {
        // Bin width 5, tol 0.5: up to 2.5 outside an edge takes the edge bin, further out the worst bin.
        // 5 lies on an inner edge: digitize(right=True) puts it in (0, 5], the first bin.
        HbosModel model = Hbos.builder().bins(2).build().fit(TRAIN);
        Matrix fresh = Matrix.of(new double[][] {{5, 7.5}, {-2.5, 7.6}, {-2.6, 8}, {12.5, 6.5}, {12.6, 6.2}});
        Matrix c = model.contributions(fresh);
        double first = penalty(0.16);
        double last = penalty(0.04);
        double empty = penalty(0);
        assertThat(c.get(0, 0)).isCloseTo(first, within(EPS));
        assertThat(c.get(1, 0)).isCloseTo(first, within(EPS));
        assertThat(c.get(2, 0)).isCloseTo(last, within(EPS)); // the worst bin of column 0 is the sparse one
        assertThat(c.get(3, 0)).isCloseTo(last, within(EPS));
        assertThat(c.get(4, 0)).isCloseTo(last, within(EPS));
        // column 1 (width 0.5, tol 0.25): 7.5 is in (7, 7.5], the dense bin; 7.6 is 0.1 past it, still the dense bin;
        // 8 is 0.5 past it, the worst (empty) bin; 6.5 is on the first edge, the first (empty) bin; 6.2 is far out
        assertThat(c.get(0, 1)).isCloseTo(penalty(2), within(EPS));
        assertThat(c.get(1, 1)).isCloseTo(penalty(2), within(EPS));
        assertThat(c.get(2, 1)).isCloseTo(empty, within(EPS));
        assertThat(c.get(3, 1)).isCloseTo(empty, within(EPS));
        assertThat(c.get(4, 1)).isCloseTo(empty, within(EPS));
        double[] scores = model.score(fresh);
        for (int i = 0; i < fresh.rows(); i++) {
            assertThat(c.get(i, 0) + c.get(i, 1)).isEqualTo(scores[i]);
        }
    }

    @Test
    void birgeRozenblacBinsByHand() {
        // 16 values 0 .. 15, candidates b = 1 .. 3 (floor(sqrt(16)) - 1):
        // b = 1: 16 ln(16/16 + 1) - 0                                   = 11.09
        // b = 2: counts 8, 8:    2 (8 ln(2*8/16 + 1) - (1 + ln(2)^2.5))  =  8.29
        // b = 3: counts 5, 5, 6: 5 ln(1.9375) * 2 + 6 ln(2.125) - 3 (2 + ln(3)^2.5) = 1.34
        double[] v = new double[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i;
        }
        assertThat(ColumnHistogram.birgeRozenblacBins(v)).isEqualTo(1);
        assertThat(ColumnHistogram.birgeRozenblacBins(new double[] {1, 2, 3})).isEqualTo(1);
        HbosModel model = Hbos.builder().autoBins().build().fit(Matrix.of(new double[][] {{1}, {2}, {3}}));
        assertThat(model.bins(0)).isEqualTo(1);
    }

    @Test
    void histogramMatchesNumpyBinAssignment() {
        // numpy 2.4: np.histogram([0, .1, .2, .3, .7, 1], bins=10) gives counts 1 1 2 0 0 0 1 0 0 1: edge 3 is
        // 3 * 0.1 = 0.30000000000000004 and edge 7 is 0.7000000000000001, so 0.3 and 0.7 fall one bin lower than
        // their decimal value suggests; numpy's correction step lets the computed edges decide, and so does this.
        ColumnHistogram h = ColumnHistogram.of(new double[] {0, .1, .2, .3, .7, 1}, 10);
        assertThat(h.edges()[3]).isEqualTo(0.30000000000000004);
        assertThat(h.edges()[7]).isEqualTo(0.7000000000000001);
        long[] counts = new long[10];
        for (int k = 0; k < 10; k++) {
            counts[k] = Math.round(h.density()[k] * (h.edges()[k + 1] - h.edges()[k]) * 6);
        }
        assertThat(counts).containsExactly(1, 1, 2, 0, 0, 0, 1, 0, 0, 1);
    }

    @Test
    void deterministicAcrossThreadsAndRestoredBitIdentically() {
        Matrix train = randomMatrix(30_000, 4, 1);
        Matrix fresh = randomMatrix(2_000, 4, 2);
        double[] one = Hbos.builder().threads(1).build().fit(train).score(fresh);
        double[] four = Hbos.builder().threads(4).build().fit(train).score(fresh);
        assertThat(four).isEqualTo(one);
        for (Object bins : new Object[] {10, "auto", 37}) {
            FittedDetector model = DetectorRegistry.standard()
                    .create("hbos", DetectorParameters.of(Map.of("n_bins", bins, "alpha", 0.2))).fit(train);
            FittedDetector restored = DetectorRegistry.standard().restore(model.state());
            assertThat(restored.score(fresh)).isEqualTo(model.score(fresh));
            assertThat(restored.state().parameters()).isEqualTo(model.state().parameters());
        }
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> Hbos.builder().bins(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("bins must be greater than 0");
        assertThatThrownBy(() -> Hbos.builder().alpha(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("alpha must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> Hbos.builder().tol(1.5).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("tol must be in (0, 1), got 1.5");
        assertThatThrownBy(() -> Hbos.builder().threads(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("threads must be greater than 0");
        assertThatThrownBy(() -> DetectorRegistry.standard()
                .create("hbos", DetectorParameters.of(Map.of("bins", "many"))))
                .isInstanceOf(InvalidParameterException.class).hasMessage("bins must be a number, got 'many'");
        Matrix infinite = Matrix.of(new double[][] {{1}, {Double.POSITIVE_INFINITY}});
        assertThatThrownBy(() -> Hbos.builder().build().fit(infinite))
                .hasMessageContaining("row 1, column 0 is Infinity");
    }

    private static Matrix randomMatrix(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() * (i % d + 1) + (r.nextInt(100) == 0 ? 8 : 0);
        }
        return new Matrix(v, n, d);
    }
}
