package io.vigil.core.iforest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.data.Matrix;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The same seed grows the same forest as scikit-learn 1.2's {@code IsolationForest(random_state=seed)}: scores are
 * checked against {@code -score_samples} written by src/test/python/sklearn_iforest_fixture.py, on data sets that
 * take each of scikit-learn's three row-sampling methods, a constant column, ties, a feature subset and a small
 * subsample.
 */
class IsolationForestSklearnParityTest {

    /** The fixture script's {@code rows(n, d)}, in the same integer and double arithmetic. */
    static Matrix syntheticRows(int n, int d) {
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                long h = ((i + 1L) * 1103515245L + (j + 1L) * 12345L + ((long) i * j) * 2654435761L) % 2147483648L;
                h ^= h >> 13;
                double v = (h % 100000) / 1000.0 - 50.0;
                if (j == 1) {
                    v = (i % 1000) / 7.0 + (h % 1000) / 100000.0;
                } else if (j == 2) {
                    v = h % 3;
                } else if (j == d - 1 && d > 3) {
                    v = 1.0;
                }
                if (i % 97 == 0 && j != d - 1) {
                    v += 200.0;
                }
                x[i * d + j] = v;
            }
        }
        return new Matrix(x, n, d);
    }

    @Test
    void scoresEqualScikitLearnsForTheSameSeed() throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/sklearn/iforest_fixture.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        int cases = 0;
        for (JsonNode c : fixture.get("forests")) {
            Matrix data = syntheticRows(c.get("rows").asInt(), c.get("cols").asInt());
            JsonNode params = c.get("params");
            IsolationForest.Builder b = IsolationForest.builder().seed(c.get("seed").asLong()).threads(3);
            if (params.has("max_features")) {
                b.maxFeatures(params.get("max_features").asDouble());
            }
            if (params.has("max_samples")) {
                b.sampleSize(params.get("max_samples").asInt());
            }
            if (params.has("n_estimators")) {
                b.trees(params.get("n_estimators").asInt());
            }
            double[] scores = b.build().fit(data).score(data);
            JsonNode indices = c.get("indices");
            JsonNode expected = c.get("scores");
            for (int k = 0; k < indices.size(); k++) {
                int row = indices.get(k).asInt();
                assertThat(scores[row]).as("case %s row %d", c, row).isCloseTo(expected.get(k).asDouble(), within(1e-12));
            }
            cases++;
        }
        assertThat(cases).isEqualTo(7);
    }

    @Test
    void boundaryLetsDoublesTakeTheBranchTheirFloat32RoundingTakes() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int trial = 0; trial < 100_000; trial++) {
            double t = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-8, 9));
            double b = TreeGrower.float32Boundary(t);
            float f = TreeGrower.float32(b);
            assertThat((double) f <= t).as("t=%s b=%s", t, b).isTrue();
            assertThat((double) TreeGrower.float32(Math.nextUp(b)) <= t).as("t=%s b=%s", t, b).isFalse();
        }
        assertThat((double) TreeGrower.float32(1e300)).isEqualTo(Float.MAX_VALUE);
    }
}
