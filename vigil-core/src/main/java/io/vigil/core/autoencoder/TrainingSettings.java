package io.vigil.core.autoencoder;

/**
 * How a reconstruction network is trained.
 *
 * @param epochs upper bound on passes over the training rows
 * @param batchSize rows per Adam step; the last batch of an epoch may be smaller
 * @param learningRate Adam's step size
 * @param validationFraction share of rows held out, by a seeded shuffle, to monitor for early stopping
 * @param patience epochs without a new best monitored loss before training stops
 * @param seed drives initial weights, the validation split and every epoch's shuffle
 * @param threads threads for gradients and validation; results do not depend on it
 */
record TrainingSettings(int epochs, int batchSize, double learningRate, double validationFraction, int patience,
                        long seed, int threads) {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
}
