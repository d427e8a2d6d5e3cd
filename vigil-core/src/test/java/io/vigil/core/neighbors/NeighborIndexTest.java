package io.vigil.core.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.data.Matrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NeighborIndexTest {

    /** Random normal rows with some exact duplicates and rows sharing a coordinate grid, so ties abound. */
    static Matrix randomWithDuplicates(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            if (kind == 0 && i > 0) {
                System.arraycopy(x, r.nextInt(i) * d, x, i * d, d); // exact duplicate of an earlier row
            } else if (kind == 1) {
                for (int t = 0; t < d; t++) {
                    x[i * d + t] = r.nextInt(3); // coarse grid: many equal distances
                }
            } else {
                for (int t = 0; t < d; t++) {
                    x[i * d + t] = gaussian(r);
                }
            }
        }
        return new Matrix(x, n, d);
    }

    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The definition: the k smallest (squared distance, index) pairs, found by k plain scans. */
    static Neighbors naive(Matrix data, Matrix queries, int k, boolean excludeSelf) {
        int n = data.rows();
        int d = data.cols();
        int[] idx = new int[queries.rows() * k];
        double[] dist = new double[queries.rows() * k];
        double[] sq = new double[n];
        for (int i = 0; i < queries.rows(); i++) {
            for (int j = 0; j < n; j++) {
                sq[j] = NeighborIndex.squaredDistance(queries.values(), i * d, data.values(), j * d, d);
            }
            double lastDist = Double.NEGATIVE_INFINITY;
            int lastIndex = -1;
            for (int c = 0; c < k; c++) {
                int best = -1;
                for (int j = 0; j < n; j++) {
                    boolean afterLast = sq[j] > lastDist || (sq[j] == lastDist && j > lastIndex);
                    boolean better = best < 0 || sq[j] < sq[best];
                    if (afterLast && better && !(excludeSelf && j == i)) {
                        best = j;
                    }
                }
                idx[i * k + c] = best;
                dist[i * k + c] = Math.sqrt(sq[best]);
                lastDist = sq[best];
                lastIndex = best;
            }
        }
        return new Neighbors(queries.rows(), k, idx, dist);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,5", "3,20", "6,10", "10,21", "15,7", "16,5", "40,20", "166,3"})
    void treeAndScanAgreeWithTheDefinitionOnTrainingRows(int d, int k) {
        Matrix data = randomWithDuplicates(700, d, 11L * d + k);
        Neighbors expected = naive(data, data, k, true);
        for (boolean excludeSelf : new boolean[] {true, false}) {
            Neighbors want = excludeSelf ? expected : naive(data, data, k, false);
            Neighbors tree = KdTree.build(data).query(data, k, excludeSelf, 2);
            Neighbors scan = BruteForceIndex.build(data).query(data, k, excludeSelf, 2);
            assertThat(tree.indices()).isEqualTo(want.indices());
            assertThat(tree.distances()).isEqualTo(want.distances());
            assertThat(scan.indices()).isEqualTo(want.indices());
            assertThat(scan.distances()).isEqualTo(want.distances());
        }
    }

    @ParameterizedTest
    @CsvSource({"2,4", "8,12", "30,9"})
    void treeAndScanAgreeOnNewQueries(int d, int k) {
        Matrix data = randomWithDuplicates(900, d, d);
        // Queries reuse some training rows exactly, so distance-0 neighbours appear without self exclusion.
        Matrix queries = randomWithDuplicates(300, d, 100 + d);
        System.arraycopy(data.values(), 0, queries.values(), 0, 40 * d);
        Neighbors want = naive(data, queries, k, false);
        Neighbors tree = KdTree.build(data).query(queries, k, false, 3);
        Neighbors scan = BruteForceIndex.build(data).query(queries, k, false, 1);
        assertThat(tree.indices()).isEqualTo(want.indices());
        assertThat(tree.distances()).isEqualTo(want.distances());
        assertThat(scan.indices()).isEqualTo(want.indices());
        assertThat(scan.distances()).isEqualTo(want.distances());
    }

    @Test
    void offsetDataDoesNotFoolTheExpandedDistances() {
        // Large common offset and tiny spread: ||a||^2 + ||b||^2 - 2ab alone would cancel catastrophically.
        Matrix base = randomWithDuplicates(400, 20, 5);
        double[] x = base.values().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e6 + 1e-4 * x[i];
        }
        Matrix data = new Matrix(x, 400, 20);
        Neighbors want = naive(data, data, 6, true);
        Neighbors scan = BruteForceIndex.build(data).query(data, 6, true, 2);
        assertThat(scan.indices()).isEqualTo(want.indices());
        assertThat(scan.distances()).isEqualTo(want.distances());
    }

    @Test
    void allRowsIdenticalAreEachOthersNeighboursAtZero() {
        Matrix data = new Matrix(new double[200 * 3], 200, 3);
        Neighbors nb = NeighborIndex.build(data).query(data, 4, true);
        assertThat(nb.distances()).containsOnly(0.0);
        assertThat(Arrays.copyOfRange(nb.indices(), 0, 4)).containsExactly(1, 2, 3, 4);
        assertThat(Arrays.copyOfRange(nb.indices(), 4, 8)).containsExactly(0, 2, 3, 4);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Matrix data = randomWithDuplicates(3000, 4, 9);
        Neighbors one = NeighborIndex.build(data).query(data, 10, true, 1);
        Neighbors many = NeighborIndex.build(data).query(data, 10, true, 7);
        assertThat(many.indices()).isEqualTo(one.indices());
        assertThat(many.distances()).isEqualTo(one.distances());
    }

    @Test
    void picksTheTreeForLowDimensionAndTheScanAbove() {
        assertThat(NeighborIndex.build(randomWithDuplicates(50, 15, 1))).isInstanceOf(KdTree.class);
        assertThat(NeighborIndex.build(randomWithDuplicates(50, 16, 1))).isInstanceOf(BruteForceIndex.class);
    }

    @Test
    void rejectsImpossibleQueries() {
        Matrix data = randomWithDuplicates(10, 2, 1);
        NeighborIndex index = NeighborIndex.build(data);
        assertThatThrownBy(() -> index.query(data, 10, true))
                .hasMessage("k must be between 1 and 9, got 10");
        assertThatThrownBy(() -> index.query(data, 0, false))
                .hasMessage("k must be between 1 and 10, got 0");
        assertThatThrownBy(() -> index.query(randomWithDuplicates(10, 3, 1), 2, false))
                .hasMessage("queries have 3 columns, the index has 2");
        assertThatThrownBy(() -> index.query(randomWithDuplicates(5, 2, 1), 2, true))
                .hasMessageStartingWith("excluding self needs the indexed rows");
    }
}
