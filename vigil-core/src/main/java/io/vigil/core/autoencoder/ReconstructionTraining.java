package io.vigil.core.autoencoder;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mini-batch Adam on the mean squared reconstruction error, with a seeded validation split and early stopping
 * that keeps the weights of the best monitored epoch (Keras' {@code EarlyStopping(restore_best_weights=True)}).
 * With no validation rows (too few rows, or fraction 0) the training loss is monitored instead.
 */
final class ReconstructionTraining {

    /**
     * @param parameters the weights of the best epoch
     * @param trainLoss mean training loss of each epoch run, averaged over its batches by rows
     * @param validationLoss validation MSE after each epoch run; empty without validation rows
     * @param bestEpoch the 0-based epoch whose weights were kept
     */
    record Result(double[] parameters, double[] trainLoss, double[] validationLoss, int bestEpoch) {
    }

    private ReconstructionTraining() {
    }

    /** Trains on the {@code n} standardised rows of {@code z}. */
    static Result run(DenseNetwork network, double[] z, int n, TrainingSettings settings) {
        int d = network.inputs();
        SplittableRandom master = new SplittableRandom(settings.seed());
        SplittableRandom initRandom = master.split();
        SplittableRandom splitRandom = master.split();
        SplittableRandom shuffleRandom = master.split();

        int validationRows = (int) (n * settings.validationFraction());
        if (n - validationRows < 1) {
            validationRows = 0;
        }
        int trainRows = n - validationRows;
        int[] permutation = identity(n);
        shuffle(permutation, splitRandom);
        double[] validation = gather(z, d, permutation, 0, validationRows);
        double[] train = gather(z, d, permutation, validationRows, trainRows);

        double[] params = network.initialParameters(initRandom);
        double[] best = params.clone();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int batchSize = Math.min(settings.batchSize(), trainRows);
        MiniBatchGradient gradient = new MiniBatchGradient(network, batchSize, settings.threads());
        Adam adam = new Adam(params.length, settings.learningRate(), TrainingSettings.BETA1, TrainingSettings.BETA2,
                TrainingSettings.EPSILON);
        double[] grad = new double[params.length];
        double[] batch = new double[batchSize * d];
        int[] order = identity(trainRows);
        double[] trainLoss = new double[settings.epochs()];
        double[] validationLoss = new double[validationRows > 0 ? settings.epochs() : 0];

        int epoch = 0;
        int sinceBest = 0;
        while (epoch < settings.epochs()) {
            shuffle(order, shuffleRandom);
            double sum = 0;
            for (int start = 0; start < trainRows; start += batchSize) {
                int rows = Math.min(batchSize, trainRows - start);
                for (int k = 0; k < rows; k++) {
                    System.arraycopy(train, order[start + k] * d, batch, k * d, d);
                }
                sum += gradient.compute(params, batch, rows, grad) * rows;
                adam.update(params, grad);
            }
            trainLoss[epoch] = sum / trainRows;
            double monitored = trainLoss[epoch];
            if (validationRows > 0) {
                double[] errors = network.reconstructionErrors(params, validation, validationRows, null,
                        settings.threads());
                double v = 0;
                for (double e : errors) {
                    v += e;
                }
                validationLoss[epoch] = v / validationRows;
                monitored = validationLoss[epoch];
            }
            epoch++;
            if (monitored < bestLoss) {
                bestLoss = monitored;
                bestEpoch = epoch - 1;
                System.arraycopy(params, 0, best, 0, params.length);
                sinceBest = 0;
            } else if (++sinceBest >= settings.patience()) {
                break;
            }
        }
        if (bestEpoch < 0) {
            throw new IllegalStateException("autoencoder training diverged (loss " + trainLoss[0]
                    + "); lower learning_rate");
        }
        return new Result(best, Arrays.copyOf(trainLoss, epoch),
                Arrays.copyOf(validationLoss, Math.min(epoch, validationLoss.length)), bestEpoch);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher-Yates. */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double[] gather(double[] z, int d, int[] rows, int from, int count) {
        double[] out = new double[count * d];
        for (int k = 0; k < count; k++) {
            System.arraycopy(z, rows[from + k] * d, out, k * d, d);
        }
        return out;
    }
}
