package io.vigil.core.score;

import io.vigil.core.detect.InvalidParameterException;
import java.time.Clock;
import java.util.Objects;

/**
 * How {@link AnomalyModel#train} learns the threshold and calibration.
 *
 * @param contamination expected share of anomalies in (0, 0.5], or NaN for {@link ThresholdRule#AUTO}
 * @param seed seed for the calibration hold-out split, recorded in provenance
 * @param calibrationFraction share of training rows held out for conformal p-values, 0 for none, else in
 *     [0.05, 0.5]
 * @param clock source of the fitted-at time
 * @param baseline whether to learn the features' training medians and spreads that explanations compare rows with;
 *     a model trained without them scores as well but cannot explain (a one-off scoring run that neither explains
 *     nor keeps the model saves that pass over the data)
 */
public record TrainingOptions(double contamination, long seed, double calibrationFraction, Clock clock,
                              boolean baseline) {
    /** Fewer held-out rows than this give p-values too coarse to be useful. */
    public static final int MIN_CALIBRATION_ROWS = 20;

    public TrainingOptions {
        Objects.requireNonNull(clock, "clock");
        if (!Double.isNaN(contamination) && !(contamination > 0 && contamination <= 0.5)) {
            throw new InvalidParameterException("contamination",
                    "contamination must be greater than 0 and at most 0.5 (or auto), got " + contamination);
        }
        if (calibrationFraction != 0 && !(calibrationFraction >= 0.05 && calibrationFraction <= 0.5)) {
            throw new InvalidParameterException("calibration_fraction",
                    "calibration_fraction must be between 0.05 and 0.5, got " + calibrationFraction);
        }
    }

    public TrainingOptions(double contamination, long seed, double calibrationFraction, Clock clock) {
        this(contamination, seed, calibrationFraction, clock, true);
    }

    public static TrainingOptions of(double contamination, long seed, Clock clock) {
        return new TrainingOptions(contamination, seed, 0, clock);
    }

    /** Parses "auto" or a number, as users write the contamination. */
    public static double parseContamination(String text) {
        if (text == null || text.isBlank() || "auto".equalsIgnoreCase(text.trim())) {
            return text == null || text.isBlank() ? 0.1 : Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("contamination",
                    "contamination must be a number in (0, 0.5] or auto, got '" + text + "'");
        }
    }

    public ThresholdRule rule() {
        return Double.isNaN(contamination) ? ThresholdRule.AUTO : ThresholdRule.CONTAMINATION;
    }

    public TrainingOptions withCalibration(double fraction) {
        return new TrainingOptions(contamination, seed, fraction, clock, baseline);
    }

    /** The same options without learning the explanation baseline. */
    public TrainingOptions withoutBaseline() {
        return new TrainingOptions(contamination, seed, calibrationFraction, clock, false);
    }
}
