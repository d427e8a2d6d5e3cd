package io.vigil.core.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Back-propagation against central finite differences of the batch loss. */
class GradientCheckTest {

    @Test
    void backpropagationMatchesFiniteDifferences() {
        DenseNetwork net = new DenseNetwork(new int[] {3, 5, 2, 5, 3});
        SplittableRandom random = new SplittableRandom(11);
        double[] params = net.initialParameters(random);
        for (int k = 0; k < params.length; k++) {
            // Non-zero biases so some ReLUs are off and the masking is exercised too.
            params[k] += 0.3 * random.nextGaussian();
        }
        int rows = 7;
        double[] x = new double[rows * 3];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian();
        }
        MiniBatchGradient gradient = new MiniBatchGradient(net, rows, 1);
        double[] grad = new double[params.length];
        double loss = gradient.compute(params, x, rows, grad);
        assertThat(loss).isPositive();

        double h = 1e-6;
        double[] scratch = new double[params.length];
        int checked = 0;
        for (int k = 0; k < params.length; k++) {
            double[] p = params.clone();
            p[k] += h;
            double up = gradient.compute(p, x, rows, scratch);
            p[k] -= 2 * h;
            double down = gradient.compute(p, x, rows, scratch);
            double numeric = (up - down) / (2 * h);
            assertThat(grad[k]).as("dLoss/dparam[%d]", k)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6 + 1e-5 * Math.abs(numeric)));
            if (grad[k] != 0) {
                checked++;
            }
        }
        // Most parameters must carry gradient, or the check would pass trivially.
        assertThat(checked).isGreaterThan(params.length / 2);
    }

    @Test
    void shardedGradientIsIdenticalSeriallyAndInParallel() {
        DenseNetwork net = DenseNetwork.autoencoder(80);
        double[] params = net.initialParameters(new SplittableRandom(3));
        int rows = 64;
        double[] x = new double[rows * 80];
        SplittableRandom random = new SplittableRandom(4);
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian();
        }
        double[] serial = new double[params.length];
        double[] parallel = new double[params.length];
        double a = new MiniBatchGradient(net, rows, 1).compute(params, x, rows, serial);
        double b = new MiniBatchGradient(net, rows, 4).compute(params, x, rows, parallel);
        assertThat(b).isEqualTo(a);
        assertThat(parallel).isEqualTo(serial);
    }
}
