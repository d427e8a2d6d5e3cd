package io.vigil.core.ocsvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.standardize.Standardization;
import java.util.List;
import java.util.Map;
import java.util.Random;
import libsvm.svm;
import libsvm.svm_model;
import org.junit.jupiter.api.Test;

class OneClassSvmTest {

    /** A Gaussian blob with a few far rows appended; columns on very different scales. */
    static Matrix blob(int n, int d, int far, long seed) {
        Random r = new Random(seed);
        double[] x = new double[(n + far) * d];
        for (int i = 0; i < n + far; i++) {
            for (int j = 0; j < d; j++) {
                double v = r.nextGaussian() + (i >= n ? 6 : 0);
                x[i * d + j] = v * (j + 1) * 10 + j;
            }
        }
        return new Matrix(x, n + far, d);
    }

    @Test
    void builderRejectsBadSettingsNamingTheParameter() {
        assertThatThrownBy(() -> OneClassSvm.builder().nu(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("nu must be in (0, 1]")
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("nu");
        assertThatThrownBy(() -> OneClassSvm.builder().nu(1.5).build()).hasMessage("nu must be in (0, 1]");
        assertThatThrownBy(() -> OneClassSvm.builder().gamma(-1.0).build())
                .hasMessage("gamma must be greater than 0");
        assertThatThrownBy(() -> OneClassSvm.builder().gamma("wide"))
                .hasMessage("gamma must be 'scale', 'auto' or a number, got 'wide'");
        assertThatThrownBy(() -> OneClassSvm.builder().tol(0).build()).hasMessage("tol must be greater than 0");
        assertThatThrownBy(() -> OneClassSvm.builder().cacheSizeMb(0).build())
                .hasMessage("cacheSize must be greater than 0")
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("cache_size");
        assertThatThrownBy(() -> OneClassSvm.builder().threads(0).build())
                .hasMessage("threads must be greater than 0");
    }

    @Test
    void factoryReadsParametersAndDefaultsNuToContamination() {
        DetectorRegistry registry = DetectorRegistry.standard();
        var byDefault = registry.create("one_class_svm", new DetectorParameters(Map.of(), 0, 0.05, 1));
        assertThat(byDefault.parameters()).containsEntry("nu", 0.05).containsEntry("gamma", "scale")
                .containsEntry("tol", 1e-3).containsEntry("cache_size", 200.0).containsEntry("shrinking", true);
        var given = registry.create("one_class_svm", DetectorParameters.of(
                Map.of("nu", "0.2", "gamma", "0.5", "tol", 1e-4, "shrinking", "false")));
        assertThat(given.parameters()).containsEntry("nu", 0.2).containsEntry("gamma", 0.5)
                .containsEntry("tol", 1e-4).containsEntry("shrinking", false);
        assertThat(registry.create("one_class_svm", DetectorParameters.of(Map.of("gamma", "auto")))
                .parameters()).containsEntry("gamma", "auto");
        assertThatThrownBy(() -> registry.create("one_class_svm", DetectorParameters.of(Map.of("kernel", "rbf"))))
                .hasMessage("unknown parameter 'kernel' for one_class_svm; it takes cache_size, gamma, nu, shrinking, tol");
        assertThatThrownBy(() -> registry.create("one_class_svm", DetectorParameters.of(Map.of("gamma", "x"))))
                .hasMessage("gamma must be a number, got 'x'");
    }

    @Test
    void gammaRulesFollowScikitLearnOnStandardisedFeatures() {
        Matrix data = blob(200, 4, 0, 1);
        assertThat(OneClassSvm.builder().gamma("auto").build().fit(data).gamma()).isEqualTo(0.25);
        // Standardised columns have unit variance, so 'scale' is 1/d up to rounding...
        assertThat(OneClassSvm.builder().build().fit(data).gamma()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
        // ...unless a constant column (scale 1, all zeros) lowers the overall variance to 3/4.
        double[] x = data.values().clone();
        for (int i = 0; i < 200; i++) {
            x[i * 4 + 2] = 7;
        }
        assertThat(OneClassSvm.builder().build().fit(new Matrix(x, 200, 4)).gamma())
                .isCloseTo(1.0 / (4 * 0.75), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(OneClassSvm.builder().gamma(0.7).build().fit(data).gamma()).isEqualTo(0.7);
    }

    @Test
    void decisionValuesEqualLibsvmsOwnPredict() {
        Matrix train = blob(300, 5, 10, 2);
        Matrix test = blob(100, 5, 20, 3);
        OneClassSvmModel model = OneClassSvm.builder().nu(0.15).threads(2).build().fit(train);

        Standardization scaling = Standardization.fit(train);
        svm_model reference = LibsvmSolver.train(LibsvmSolver.problem(scaling.apply(train).values(), 310, 5),
                LibsvmSolver.parameters(0.15, model.gamma(), 1e-3, 200, true));
        assertThat(model.supportVectorCount()).isEqualTo(reference.l);
        assertThat(model.rho()).isEqualTo(reference.rho[0]);

        double[] ours = model.decisionFunction(test);
        double[] scores = model.score(test);
        double[] z = scaling.apply(test).values();
        double[] dec = new double[1];
        for (int i = 0; i < test.rows(); i++) {
            double label = svm.svm_predict_values(reference, LibsvmSolver.nodes(z, i * 5, 5), dec);
            assertThat(ours[i]).isEqualTo(dec[0]);
            assertThat(scores[i]).isEqualTo(-dec[0]);
            assertThat(label).isEqualTo(dec[0] > 0 ? 1.0 : -1.0);
        }
    }

    @Test
    void nuBoundsTheTrainingOutliersAndFarRowsScoreHighest() {
        Matrix data = blob(500, 3, 5, 4);
        OneClassSvmModel model = OneClassSvm.builder().nu(0.1).build().fit(data);
        double[] s = model.score(data);
        // Schölkopf et al., Proposition 4: nu bounds the fraction of outliers above and of SVs below; the solver
        // stops at tolerance 1e-3, so rows within that of the boundary are not counted as outside.
        long outside = java.util.Arrays.stream(s).filter(v -> v > 1e-3).count();
        assertThat(outside).isLessThanOrEqualTo((long) Math.ceil(0.1 * 505));
        assertThat(model.supportVectorCount()).isGreaterThanOrEqualTo((int) Math.floor(0.1 * 505));
        double maxInlier = java.util.Arrays.stream(s, 0, 500).max().orElseThrow();
        for (int i = 500; i < 505; i++) {
            assertThat(s[i]).isGreaterThan(maxInlier);
        }
    }

    @Test
    void sameDataGivesTheSameScoresWhateverTheThreadCount() {
        Matrix data = blob(2000, 6, 20, 5);
        double[] one = OneClassSvm.builder().threads(1).build().fit(data).score(data);
        double[] four = OneClassSvm.builder().threads(4).build().fit(data).score(data);
        assertThat(four).isEqualTo(one);
    }

    @Test
    void stateRoundTripsThroughTheRegistryBitForBit() {
        Matrix data = blob(400, 4, 8, 6);
        OneClassSvmModel model = OneClassSvm.builder().nu(0.2).build().fit(data);
        DetectorState state = model.state();
        FittedDetector restored = DetectorRegistry.standard().restore(state);
        assertThat(restored).isInstanceOf(OneClassSvmModel.class);
        assertThat(restored.features()).isEqualTo(4);
        assertThat(restored.score(data)).isEqualTo(model.score(data));
        assertThat(restored.state().parameters()).isEqualTo(state.parameters());
        assertThat(state.parameters()).containsEntry("nu", 0.2).containsEntry("gamma", "scale");

        DetectorState future = new DetectorState(state.detector(), 99, state.parameters(), state.arrays(), List.of());
        assertThatThrownBy(() -> DetectorRegistry.standard().restore(future)).hasMessageContaining("version 99");
    }

    @Test
    void rejectsEmptyDataAndWrongWidth() {
        assertThatThrownBy(() -> OneClassSvm.builder().build().fit(new Matrix(new double[0], 0, 3)))
                .isInstanceOf(IllegalArgumentException.class);
        OneClassSvmModel model = OneClassSvm.builder().build().fit(blob(50, 3, 0, 7));
        assertThatThrownBy(() -> model.score(new Matrix(new double[4], 2, 2)))
                .hasMessage("rows have 2 features, the model expects 3");
    }
}
