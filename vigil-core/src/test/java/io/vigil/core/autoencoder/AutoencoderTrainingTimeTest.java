package io.vigil.core.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.data.Matrix;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The speed bar: 10,000 rows of 30 features, all 100 epochs (patience high enough that early stopping never ends
 * training sooner), batch size 32, well under 30 s on 2 cores.
 */
@Tag("functional")
class AutoencoderTrainingTimeTest {

    @Test
    void trainsTenThousandRowsForAHundredEpochsInUnderThirtySeconds() {
        Matrix data = AutoencoderTest.manifoldWithOutlier(10_000, 30, 7);
        long start = System.nanoTime();
        AutoencoderModel model = Autoencoder.builder().epochs(100).patience(100).seed(1).build().fit(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("autoencoder 10000x30, %d epochs: %.2f s, train loss %.4f -> %.4f%n",
                model.trainLoss().length, seconds, model.trainLoss()[0],
                model.trainLoss()[model.trainLoss().length - 1]);
        assertThat(model.trainLoss()).hasSize(100);
        assertThat(seconds).isLessThan(30.0);
    }
}
