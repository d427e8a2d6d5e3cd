package io.vigil.core.modelfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.TrainingOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered detector survives the model file bit-identically, so no detector can forget its state. */
class EveryDetectorModelFileTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    static Stream<String> detectors() {
        return DetectorRegistry.standard().names().stream();
    }

    static Matrix gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return new Matrix(v, n, d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void roundTripScoresBitIdentically(String name) {
        Map<String, Object> params = switch (name) {
            case "autoencoder" -> Map.of("epochs", 3);
            case "ensemble", "voting" -> Map.of("members", "isolation_forest,ecod,local_outlier_factor");
            default -> Map.of();
        };
        var detector = DetectorRegistry.standard().create(name, new DetectorParameters(params, 7, 0.1, 2));
        Matrix train = gaussian(300, 4, 1);
        SchemaEncoder enc = SchemaEncoder.fit(Table.of(train), null);
        AnomalyModel model = AnomalyModel.train(detector, enc, train, TrainingOptions.of(0.1, 7, CLOCK)).model();
        byte[] bytes = ModelFile.standard().toBytes(model);
        AnomalyModel back = ModelFile.standard().fromBytes(bytes);
        Table fresh = Table.of(gaussian(50, 4, 2));
        assertThat(back.score(fresh).raw()).containsExactly(model.score(fresh).raw());
        assertThat(back.threshold()).isEqualTo(model.threshold());
        assertThat(back.detector().detectorName()).isEqualTo(name);
        // Writing the loaded model reproduces the file: nothing is lost or reordered.
        assertThat(new String(ModelFile.standard().toBytes(back), StandardCharsets.UTF_8))
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }
}
