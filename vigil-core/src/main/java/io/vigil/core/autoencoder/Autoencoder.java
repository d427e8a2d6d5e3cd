package io.vigil.core.autoencoder;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.standardize.Standardization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An autoencoder detector in the manner of PyOD's {@code AutoEncoder}: a dense network d &rarr; h &rarr; z &rarr; h
 * &rarr; d with h = max(d/2, 8) and z = max(h/2, 4), ReLU hidden layers and a linear output, trained with Adam
 * (learning rate 1e-3, betas 0.9 and 0.999, epsilon 1e-8) on the mean squared error of standardised rows. A seeded
 * 10% validation split drives early stopping (patience 10) and the best epoch's weights are kept. A row's score
 * is its mean squared reconstruction error: rows unlike the training data reconstruct badly.
 *
 * <p>The seed fixes the initial weights (He normal before ReLU, Glorot uniform at the output), the split and the
 * batch order; gradients are summed over a fixed number of shards, so scores are the same for any thread count.
 */
public final class Autoencoder implements Detector {
    public static final String NAME = "autoencoder";

    public static final DetectorFactory FACTORY = new DetectorFactory() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Autoencoder: a dense network's reconstruction error of standardised rows (PyOD AutoEncoder)";
        }

        @Override
        public Detector create(DetectorParameters p) {
            return builder().seed(p.seed()).threads(p.threads())
                    .epochs(p.intValue(100, "epochs"))
                    .batchSize(p.intValue(32, "batch_size"))
                    .learningRate(p.doubleValue(1e-3, "learning_rate", "lr"))
                    .validationFraction(p.doubleValue(0.1, "validation_fraction", "validation_size"))
                    .patience(p.intValue(10, "patience"))
                    .build();
        }

        @Override
        public FittedDetector restore(DetectorState state) {
            return AutoencoderModel.fromState(state);
        }
    };

    private final TrainingSettings settings;

    private Autoencoder(TrainingSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", settings.epochs());
        m.put("batch_size", settings.batchSize());
        m.put("learning_rate", settings.learningRate());
        m.put("validation_fraction", settings.validationFraction());
        m.put("patience", settings.patience());
        m.put("seed", settings.seed());
        return m;
    }

    @Override
    public AutoencoderModel fit(Matrix data) {
        int n = data.rows();
        int d = data.cols();
        if (n == 0 || d == 0) {
            throw new IllegalArgumentException("cannot fit an autoencoder on " + n + " rows of " + d + " features");
        }
        Standardization scaling = Standardization.fit(data);
        DenseNetwork network = DenseNetwork.autoencoder(d);
        ReconstructionTraining.Result trained =
                ReconstructionTraining.run(network, scaling.apply(data).values(), n, settings);
        return new AutoencoderModel(network, trained.parameters(), scaling, trained.trainLoss(),
                trained.validationLoss(), trained.bestEpoch(), parameters(), settings.threads());
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private int epochs = 100;
        private int batchSize = 32;
        private double learningRate = 1e-3;
        private double validationFraction = 0.1;
        private int patience = 10;
        private long seed;
        private int threads = ParallelLoop.defaultThreads();

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Share of rows held out to monitor for early stopping; 0 monitors the training loss. */
        public Builder validationFraction(double validationFraction) {
            this.validationFraction = validationFraction;
            return this;
        }

        /** Epochs without improvement before stopping; set it to {@code epochs} to always run them all. */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Autoencoder build() {
            if (epochs <= 0) {
                throw new InvalidParameterException("epochs", "epochs must be greater than 0");
            }
            if (batchSize <= 0) {
                throw new InvalidParameterException("batch_size", "batchSize must be greater than 0");
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new InvalidParameterException("learning_rate", "learningRate must be greater than 0");
            }
            if (!(validationFraction >= 0) || validationFraction >= 1) {
                throw new InvalidParameterException("validation_fraction", "validationFraction must be in [0, 1)");
            }
            if (patience <= 0) {
                throw new InvalidParameterException("patience", "patience must be greater than 0");
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new Autoencoder(new TrainingSettings(epochs, batchSize, learningRate, validationFraction,
                    patience, seed, threads));
        }
    }
}
