package io.vigil.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.iforest.IsolationForest;
import io.vigil.core.iforest.IsolationForestModel;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.FeatureBaseline;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathDepthAttributionTest {

    /**
     * Two hand-built trees over features (f0, f1), height limit 3:
     * tree A splits f1 at 0 (left: leaf at depth 1; right: splits f0 at 0.5 into two leaves at depth 2);
     * tree B splits f0 at 0 (left: leaf at depth 1; right: splits f1 at 0.5 into two leaves at depth 2).
     */
    static IsolationForestModel twoTrees() {
        int[] treeStart = {0, 5, 10};
        int[] feature = {1, -1, 0, -1, -1, 0, -1, 1, -1, -1};
        int[] left = {1, -1, 3, -1, -1, 6, -1, 8, -1, -1};
        double[] value = {0.0, 1.0, 0.5, 2.0, 2.0, 0.0, 1.0, 0.5, 2.0, 2.0};
        DetectorState state = new DetectorState(IsolationForest.NAME, 1,
                Map.of("fitted_sample_size", 8, "features", 2, "max_depth", 3),
                Map.of("tree_start", treeStart, "feature", feature, "left", left, "value", value));
        return (IsolationForestModel) IsolationForest.FACTORY.restore(state);
    }

    static Explainer explainer(FittedDetector forest) {
        Matrix data = Matrix.of(new double[][] {{0, 0}, {1, 1}, {2, -1}});
        SchemaEncoder encoder = SchemaEncoder.fit(Table.of(data), null);
        AnomalyModel trained = AnomalyModel.train(IsolationForest.builder().trees(1).sampleSize(2).build(), encoder,
                data, 0.1, 1, ExplainerTest.CLOCK).model();
        AnomalyModel model = new AnomalyModel(encoder, forest, trained.normalizer(), trained.threshold(),
                trained.contamination(), trained.provenance());
        return Explainer.forModel(model, FeatureBaseline.of(data));
    }

    @Test
    void creditsEachSplitOnThePathWithInverseLeafDepthAboveTheHeightLimitAveragedPerFeature() {
        Explainer explainer = explainer(twoTrees());
        assertThat(explainer.method()).isEqualTo(AttributionMethod.PATH_DEPTH);
        // Row (1, -1): tree A goes left on f1 to a leaf at depth 1, crediting f1 with 1/1 - 1/3 = 2/3; tree B goes
        // right on f0, then left on f1, to a leaf at depth 2, crediting f0 and f1 with 1/2 - 1/3 = 1/6 each.
        // Per split: f1 (2/3 + 1/6) / 2 = 5/12, f0 (1/6) / 1 = 2/12; shares 5/7 and 2/7.
        // Row (-1, 1): tree A right on f1, then left on f0, depth 2; tree B left on f0, depth 1. By symmetry
        // f0 gets 5/7.
        Matrix shares = explainer.contributions(Matrix.of(new double[][] {{1, -1}, {-1, 1}}));
        assertThat(shares.get(0, 1)).isCloseTo(5.0 / 7, within(1e-15));
        assertThat(shares.get(0, 0)).isCloseTo(2.0 / 7, within(1e-15));
        assertThat(shares.get(1, 0)).isCloseTo(5.0 / 7, within(1e-15));
        assertThat(shares.get(1, 1)).isCloseTo(2.0 / 7, within(1e-15));
    }

    @Test
    void aRowWhosePathsAreAllAsDeepAsTheLimitIsCreditedEvenly() {
        // With a height limit of 2 every depth-2 leaf credits 1/2 - 1/2 = 0: row (1, 1) ends at depth 2 in both
        // trees, so no feature takes credit and the shares spread evenly.
        IsolationForestModel forest = twoTrees();
        DetectorState s = forest.state();
        Map<String, Object> params = new java.util.HashMap<>(s.parameters());
        params.put("max_depth", 2);
        params.put("fitted_sample_size", 4);
        FittedDetector limit2 = IsolationForest.FACTORY.restore(new DetectorState(s.detector(), s.version(), params,
                s.arrays()));
        Matrix shares = explainer(limit2).contributions(Matrix.of(new double[][] {{1, 1}}));
        assertThat(shares.values()).containsExactly(0.5, 0.5);
    }

    @Test
    void aTrainedForestNamesTheFeatureThatIsolatesTheRow() {
        java.util.Random r = new java.util.Random(11);
        double[][] rows = new double[512][3];
        for (double[] row : rows) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextGaussian();
            }
        }
        Matrix data = Matrix.of(rows);
        SchemaEncoder encoder = SchemaEncoder.fit(Table.of(data), null);
        AnomalyModel model = AnomalyModel.train(IsolationForest.builder().seed(1).build(), encoder, data, 0.05, 1,
                ExplainerTest.CLOCK).model();
        Explainer explainer = Explainer.forModel(model, FeatureBaseline.of(data));
        Matrix shares = explainer.contributions(Matrix.of(new double[][] {{0, 0, 6}, {-6, 0, 0}}));
        assertThat(shares.get(0, 2)).isGreaterThan(Math.max(shares.get(0, 0), shares.get(0, 1)));
        assertThat(shares.get(1, 0)).isGreaterThan(Math.max(shares.get(1, 1), shares.get(1, 2)));
    }
}
