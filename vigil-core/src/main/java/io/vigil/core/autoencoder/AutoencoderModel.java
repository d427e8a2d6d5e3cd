package io.vigil.core.autoencoder;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.standardize.Standardization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained autoencoder: the feature scaling, the layer sizes and the flat weight array, plus the loss history for
 * provenance. Immutable and safe to score from many threads.
 */
public final class AutoencoderModel implements FittedDetector {
    static final int STATE_VERSION = 1;

    private final DenseNetwork network;
    private final double[] weights;
    private final Standardization scaling;
    private final double[] trainLoss;
    private final double[] validationLoss;
    private final int bestEpoch;
    private final Map<String, Object> parameters;
    private final int threads;

    AutoencoderModel(DenseNetwork network, double[] weights, Standardization scaling, double[] trainLoss,
                     double[] validationLoss, int bestEpoch, Map<String, Object> parameters, int threads) {
        if (weights.length != network.parameterCount()) {
            throw new IllegalArgumentException("autoencoder has " + weights.length + " weights but its layers need "
                    + network.parameterCount());
        }
        if (scaling.features() != network.inputs() || network.inputs() != network.outputs()) {
            throw new IllegalArgumentException("autoencoder layers " + java.util.Arrays.toString(network.sizes())
                    + " do not match " + scaling.features() + " features");
        }
        this.network = network;
        this.weights = weights;
        this.scaling = scaling;
        this.trainLoss = trainLoss;
        this.validationLoss = validationLoss;
        this.bestEpoch = bestEpoch;
        this.parameters = Map.copyOf(parameters);
        this.threads = threads;
    }

    static AutoencoderModel fromState(DetectorState s) {
        s.requireVersion(Autoencoder.NAME, STATE_VERSION);
        Map<String, Object> params = new LinkedHashMap<>(s.parameters());
        params.remove("features");
        params.remove("epochs_run");
        params.remove("best_epoch");
        return new AutoencoderModel(new DenseNetwork(s.ints("layers")), s.doubles("weights"),
                new Standardization(s.doubles("means"), s.doubles("scales")), s.doubles("train_loss"),
                s.doubles("validation_loss"), s.intParameter("best_epoch"), params, ParallelLoop.defaultThreads());
    }

    @Override
    public String detectorName() {
        return Autoencoder.NAME;
    }

    @Override
    public int features() {
        return network.inputs();
    }

    /** Mean squared reconstruction error of each standardised row. */
    @Override
    public double[] score(Matrix rows) {
        if (rows.cols() != features()) {
            throw new IllegalArgumentException("rows have " + rows.cols() + " features, the model expects "
                    + features());
        }
        return network.reconstructionErrors(weights, rows.values(), rows.rows(), scaling, threads);
    }

    /** Layer widths, input first. */
    public int[] layerSizes() {
        return network.sizes();
    }

    /** Mean training loss of each epoch run. */
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    /** Validation loss after each epoch run; empty when no rows were held out. */
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    /** The 0-based epoch whose weights the model kept. */
    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public DetectorState state() {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put("features", features());
        p.put("epochs_run", trainLoss.length);
        p.put("best_epoch", bestEpoch);
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("layers", network.sizes());
        arrays.put("weights", weights);
        arrays.put("means", scaling.means());
        arrays.put("scales", scaling.scales());
        arrays.put("train_loss", trainLoss);
        arrays.put("validation_loss", validationLoss);
        return new DetectorState(Autoencoder.NAME, STATE_VERSION, p, arrays);
    }
}
