package io.vigil.bench;

import io.vigil.core.data.Matrix;
import java.util.SplittableRandom;

/** Seeded standard-normal data, so that every benchmark run and every fork sees the same matrix. */
final class GaussianMatrix {
    private GaussianMatrix() {
    }

    /** A rows x cols matrix of independent N(0,1) draws, fully determined by the seed. */
    static Matrix standardNormal(int rows, int cols, long seed) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("rows and cols must be greater than 0, got " + rows + " x " + cols);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[Math.multiplyExact(rows, cols)];
        // Box-Muller spelled out, so the data do not change if a JDK changes its nextGaussian algorithm.
        for (int i = 0; i < values.length; i += 2) {
            double u = 1.0 - random.nextDouble();
            double radius = Math.sqrt(-2.0 * Math.log(u));
            double angle = 2.0 * Math.PI * random.nextDouble();
            values[i] = radius * Math.cos(angle);
            if (i + 1 < values.length) {
                values[i + 1] = radius * Math.sin(angle);
            }
        }
        return new Matrix(values, rows, cols);
    }
}
