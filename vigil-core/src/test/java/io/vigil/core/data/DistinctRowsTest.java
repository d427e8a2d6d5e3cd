package io.vigil.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistinctRowsTest {

    @Test
    void groupsEqualRowsAndExpandsBack() {
        Matrix m = Matrix.of(new double[][] {{1, 2}, {3, 4}, {1, 2}, {Double.NaN, 0}, {Double.NaN, 0}, {3, 5}});
        DistinctRows d = DistinctRows.of(m);
        assertThat(d.unique().rows()).isEqualTo(4);
        assertThat(d.inverse()).containsExactly(0, 1, 0, 2, 2, 3);
        assertThat(d.expand(new double[] {10, 20, 30, 40})).containsExactly(10, 20, 10, 30, 30, 40);
    }

    @Test
    void keepsTheSameMatrixWhenAllRowsDiffer() {
        Matrix m = Matrix.of(new double[][] {{1}, {2}, {3}});
        assertThat(DistinctRows.of(m).unique()).isSameAs(m);
    }

    @Test
    void everyRowMapsToAnEqualRow() {
        SplittableRandom r = new SplittableRandom(1);
        double[] v = new double[3000 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(4);
        }
        Matrix m = new Matrix(v, 3000, 3);
        DistinctRows d = DistinctRows.of(m);
        assertThat(d.unique().rows()).isLessThanOrEqualTo(64);
        for (int i = 0; i < 3000; i++) {
            assertThat(d.unique().row(d.inverse()[i])).containsExactly(m.row(i));
        }
    }

    @Test
    void manyDistinctRowsGrowTheTableAndKeepFirstAppearanceOrder() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 200_000;
        double[] v = new double[n * 2];
        for (int i = 0; i < n; i++) {
            v[2 * i] = r.nextInt(300);
            v[2 * i + 1] = r.nextBoolean() ? 0.0 : -0.0; // equal as numbers, different rows here
        }
        Matrix m = new Matrix(v, n, 2);
        DistinctRows d = DistinctRows.of(m);
        java.util.Map<String, Integer> first = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            first.putIfAbsent(v[2 * i] + "/" + Double.doubleToRawLongBits(v[2 * i + 1]), first.size());
        }
        assertThat(d.unique().rows()).isEqualTo(first.size()).isEqualTo(600);
        for (int i = 0; i < n; i++) {
            int id = first.get(v[2 * i] + "/" + Double.doubleToRawLongBits(v[2 * i + 1]));
            assertThat(d.inverse()[i]).isEqualTo(id);
        }
        int all = 50_000;
        double[] w = new double[all];
        for (int i = 0; i < all; i++) {
            w[i] = i * 0.5;
        }
        Matrix distinct = new Matrix(w, all, 1);
        assertThat(DistinctRows.of(distinct).unique()).isSameAs(distinct);
    }

    @Test
    void rowsWithoutColumnsAreAllOneRow() {
        DistinctRows d = DistinctRows.of(new Matrix(new double[0], 5, 0));
        assertThat(d.unique().rows()).isEqualTo(1);
        assertThat(d.inverse()).containsOnly(0);
    }
}
