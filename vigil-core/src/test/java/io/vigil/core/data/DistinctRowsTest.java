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
}
