package io.vigil.core.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.data.Matrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompleteForestTest {

    @Test
    void completeLayoutScoresExactlyAsThePointerLayout() {
        Random r = new Random(4);
        double[] v = new double[4000 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(5) == 0 ? 1.0 : r.nextGaussian(); // ties give early leaves
        }
        Matrix data = new Matrix(v, 4000, 4);
        for (int psi : new int[] {2, 3, 64, 256, 1000}) {
            IsolationForestModel model = IsolationForest.builder().sampleSize(psi).seed(psi).build().fit(data);
            double[] pointer = new double[data.rows()];
            double[] complete = new double[data.rows()];
            model.pointerPathSums(data.values(), 0, data.rows(), pointer);
            CompleteForest forest = CompleteForest.of(model.treeStart(), model.featureArray(), model.leftArray(),
                    model.valueArray(), model.state().intParameter("max_depth"));
            assertThat(forest).isNotNull();
            forest.accumulate(data.values(), 4, 0, data.rows(), complete);
            assertThat(complete).as("psi " + psi).containsExactly(pointer);
        }
    }

    @Test
    void deepForestsFallBackToThePointerLayout() {
        Random r = new Random(5);
        double[] v = new double[10000];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        Matrix data = new Matrix(v, 10000, 1);
        IsolationForestModel model = IsolationForest.builder().sampleSize(8192).trees(3).build().fit(data);
        assertThat(CompleteForest.of(model.treeStart(), model.featureArray(), model.leftArray(), model.valueArray(),
                13)).isNull();
        double[] s = model.score(data);
        assertThat(java.util.Arrays.stream(s).allMatch(x -> x > 0 && x < 1)).isTrue();
    }
}
