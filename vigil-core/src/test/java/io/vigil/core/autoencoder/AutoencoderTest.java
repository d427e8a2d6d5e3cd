package io.vigil.core.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoencoderTest {

    /** Rows on a 2-dimensional linear manifold in d dimensions plus small noise; row {@code n-1} is off it. */
    static Matrix manifoldWithOutlier(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] basis = new double[2][d];
        for (double[] b : basis) {
            for (int j = 0; j < d; j++) {
                b[j] = r.nextGaussian();
            }
        }
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            double u = r.nextGaussian();
            double v = r.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[i * d + j] = u * basis[0][j] + v * basis[1][j] + 0.05 * r.nextGaussian() + j;
            }
        }
        // Within the normal range of every feature on its own, but against the correlations.
        for (int j = 0; j < d; j++) {
            x[(n - 1) * d + j] = j + (j % 2 == 0 ? 1.5 : -1.5);
        }
        return new Matrix(x, n, d);
    }

    @Test
    void builderRejectsBadSettingsNamingTheParameter() {
        assertThatThrownBy(() -> Autoencoder.builder().epochs(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("epochs must be greater than 0");
        assertThatThrownBy(() -> Autoencoder.builder().batchSize(0).build())
                .hasMessage("batchSize must be greater than 0")
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("batch_size");
        assertThatThrownBy(() -> Autoencoder.builder().learningRate(0).build())
                .hasMessage("learningRate must be greater than 0");
        assertThatThrownBy(() -> Autoencoder.builder().learningRate(Double.NaN).build())
                .hasMessage("learningRate must be greater than 0");
        assertThatThrownBy(() -> Autoencoder.builder().validationFraction(1).build())
                .hasMessage("validationFraction must be in [0, 1)");
        assertThatThrownBy(() -> Autoencoder.builder().validationFraction(-0.1).build())
                .hasMessage("validationFraction must be in [0, 1)");
        assertThatThrownBy(() -> Autoencoder.builder().patience(0).build())
                .hasMessage("patience must be greater than 0");
        assertThatThrownBy(() -> Autoencoder.builder().threads(0).build())
                .hasMessage("threads must be greater than 0");
    }

    @Test
    void factoryReadsParametersWithAliases() {
        var detector = DetectorRegistry.standard().create("autoencoder", new DetectorParameters(
                Map.of("epochs", "20", "batch_size", 16, "lr", "0.01", "patience", 3), 42, 0.1, 1));
        assertThat(detector.parameters()).containsEntry("epochs", 20).containsEntry("batch_size", 16)
                .containsEntry("learning_rate", 0.01).containsEntry("patience", 3)
                .containsEntry("validation_fraction", 0.1).containsEntry("seed", 42L);
        assertThatThrownBy(() -> DetectorRegistry.standard().create("autoencoder",
                DetectorParameters.of(Map.of("dropout", 0.2))))
                .hasMessage("unknown parameter 'dropout' for autoencoder; it takes batch_size, epochs, learning_rate, patience, validation_fraction");
    }

    @Test
    void layersFollowTheHalvingRule() {
        assertThat(DenseNetwork.autoencoder(30).sizes()).containsExactly(30, 15, 7, 15, 30);
        assertThat(DenseNetwork.autoencoder(6).sizes()).containsExactly(6, 8, 4, 8, 6);
        assertThat(DenseNetwork.autoencoder(100).sizes()).containsExactly(100, 50, 25, 50, 100);
    }

    @Test
    void lossDecreasesAndThePlantedOutlierScoresHighest() {
        Matrix data = manifoldWithOutlier(600, 10, 1);
        AutoencoderModel model = Autoencoder.builder().epochs(60).seed(5).threads(2).build().fit(data);
        double[] train = model.trainLoss();
        double[] validation = model.validationLoss();
        assertThat(validation).hasSameSizeAs(train);
        assertThat(train[train.length - 1]).isLessThan(train[0] * 0.5);
        assertThat(validation[model.bestEpoch()]).isLessThan(validation[0]);
        for (double v : validation) {
            assertThat(validation[model.bestEpoch()]).isLessThanOrEqualTo(v);
        }
        double[] scores = model.score(data);
        int argmax = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[argmax]) {
                argmax = i;
            }
        }
        assertThat(argmax).isEqualTo(599);
    }

    @Test
    void earlyStoppingEndsTrainingAndKeepsTheBestEpoch() {
        Matrix data = manifoldWithOutlier(300, 6, 2);
        AutoencoderModel model = Autoencoder.builder().epochs(500).patience(2).learningRate(0.05).seed(1)
                .build().fit(data);
        assertThat(model.trainLoss().length).isLessThan(500);
        assertThat(model.trainLoss().length).isEqualTo(model.bestEpoch() + 3);
    }

    @Test
    void sameSeedGivesTheSameScoresWhateverTheThreadCount() {
        // 80 features make batches large enough for the gradient shards to run in parallel.
        Matrix wide = manifoldWithOutlier(400, 80, 3);
        double[] one = Autoencoder.builder().epochs(4).seed(9).threads(1).build().fit(wide).score(wide);
        double[] four = Autoencoder.builder().epochs(4).seed(9).threads(4).build().fit(wide).score(wide);
        assertThat(four).isEqualTo(one);
        double[] otherSeed = Autoencoder.builder().epochs(4).seed(10).threads(1).build().fit(wide).score(wide);
        assertThat(otherSeed).isNotEqualTo(one);

        Matrix narrow = manifoldWithOutlier(300, 5, 4);
        assertThat(Autoencoder.builder().epochs(5).seed(2).threads(3).build().fit(narrow).score(narrow))
                .isEqualTo(Autoencoder.builder().epochs(5).seed(2).threads(1).build().fit(narrow).score(narrow));
    }

    @Test
    void stateRoundTripsThroughTheRegistryBitForBit() {
        Matrix data = manifoldWithOutlier(200, 7, 5);
        AutoencoderModel model = Autoencoder.builder().epochs(5).seed(3).build().fit(data);
        DetectorState state = model.state();
        FittedDetector restored = DetectorRegistry.standard().restore(state);
        assertThat(restored).isInstanceOf(AutoencoderModel.class);
        assertThat(restored.score(data)).isEqualTo(model.score(data));
        assertThat(restored.state().parameters()).isEqualTo(state.parameters());
        assertThat(((AutoencoderModel) restored).trainLoss()).isEqualTo(model.trainLoss());
        assertThat(state.parameters()).containsEntry("epochs_run", 5).containsEntry("features", 7);

        DetectorState future = new DetectorState(state.detector(), 2, state.parameters(), state.arrays(), List.of());
        assertThatThrownBy(() -> DetectorRegistry.standard().restore(future)).hasMessageContaining("version 2");
    }

    @Test
    void tinyDataTrainsWithoutAValidationSplit() {
        Matrix few = Matrix.of(new double[][] {{1, 2}, {2, 3}, {3, 5}, {4, 4}, {5, 6}});
        AutoencoderModel model = Autoencoder.builder().epochs(3).build().fit(few);
        assertThat(model.validationLoss()).isEmpty();
        assertThat(java.util.Arrays.stream(model.score(few)).boxed().toList()).hasSize(5)
                .allSatisfy(s -> assertThat(s).isFinite().isNotNegative());
        assertThatThrownBy(() -> model.score(new Matrix(new double[3], 1, 3)))
                .hasMessage("rows have 3 features, the model expects 2");
    }
}
