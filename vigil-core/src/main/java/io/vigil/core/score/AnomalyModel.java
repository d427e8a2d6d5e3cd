package io.vigil.core.score;

import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.encode.SchemaEncoder;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A fitted anomaly model as users see it: the schema encoder that turns their rows into features, the fitted
 * detector, the normaliser that maps raw scores onto 0..1, the threshold (learned from the contamination, or by
 * {@link ThresholdRule#AUTO}), an optional conformal {@link Calibration}, the training baseline that explanations
 * compare with, and provenance.
 * Immutable and safe to score from many threads.
 */
public final class AnomalyModel {
    private final SchemaEncoder encoder;
    private final FittedDetector detector;
    private final ScoreNormalizer normalizer;
    private final double threshold;
    private final double contamination;
    private final ThresholdRule rule;
    private final Calibration calibration;
    private final FeatureBaseline baseline;
    private final Provenance provenance;

    public AnomalyModel(SchemaEncoder encoder, FittedDetector detector, ScoreNormalizer normalizer, double threshold,
                        double contamination, ThresholdRule rule, Calibration calibration, FeatureBaseline baseline,
                        Provenance provenance) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.calibration = calibration;
        this.baseline = baseline;
        if (baseline != null && baseline.features() != detector.features()) {
            throw new IllegalArgumentException("the baseline has " + baseline.features()
                    + " features but the detector was fitted on " + detector.features());
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        if (encoder.features() != detector.features()) {
            throw new IllegalArgumentException("the encoder makes " + encoder.features()
                    + " features but the detector was fitted on " + detector.features());
        }
        this.threshold = threshold;
        this.contamination = contamination;
    }

    public AnomalyModel(SchemaEncoder encoder, FittedDetector detector, ScoreNormalizer normalizer, double threshold,
                        double contamination, Provenance provenance) {
        this(encoder, detector, normalizer, threshold, contamination, ThresholdRule.CONTAMINATION, null, null,
                provenance);
    }

    /** A fitted model together with the scores of all the rows it was given. */
    public record Training(AnomalyModel model, Scores trainingScores, long fitMillis, long scoreMillis) {
    }

    /** {@link #train(Detector, SchemaEncoder, Matrix, TrainingOptions)} with a contamination and no calibration. */
    public static Training train(Detector detector, SchemaEncoder encoder, Matrix encoded, double contamination,
                                 long seed, Clock clock) {
        checkContamination(contamination);
        return train(detector, encoder, encoded, TrainingOptions.of(contamination, seed, clock));
    }

    /**
     * Fits {@code detector} on already encoded rows and learns normaliser and threshold from the training scores.
     * With a calibration fraction, that share of rows (a seeded random draw) is held out of fitting and its scores
     * become the conformal calibration set; the returned scores then cover every row given, p-values included.
     */
    public static Training train(Detector detector, SchemaEncoder encoder, Matrix encoded, TrainingOptions options) {
        Matrix fitRows = encoded;
        Matrix calibrationRows = null;
        if (options.calibrationFraction() > 0) {
            int n = encoded.rows();
            int held = (int) Math.round(options.calibrationFraction() * n);
            if (held < TrainingOptions.MIN_CALIBRATION_ROWS || n - held < 2) {
                throw new InvalidParameterException("calibration_fraction", "calibration needs at least "
                        + TrainingOptions.MIN_CALIBRATION_ROWS + " held-out rows; " + n + " rows at "
                        + options.calibrationFraction() + " give " + held + ": give more rows or a larger fraction");
            }
            int[] order = shuffled(n, options.seed());
            int[] fitIdx = Arrays.copyOfRange(order, held, n);
            int[] calIdx = Arrays.copyOfRange(order, 0, held);
            Arrays.sort(fitIdx);
            Arrays.sort(calIdx);
            fitRows = encoded.selectRows(fitIdx);
            calibrationRows = encoded.selectRows(calIdx);
        }
        long t0 = System.nanoTime();
        FittedDetector fitted = detector.fit(fitRows);
        long t1 = System.nanoTime();
        double[] raw = fitted.score(fitRows);
        ScoreDistribution distribution = ScoreDistribution.of(raw);
        ScoreNormalizer normalizer = ScoreNormalizer.fit(distribution);
        double threshold;
        double contamination;
        if (options.rule() == ThresholdRule.AUTO) {
            threshold = ThresholdRule.autoThreshold(distribution, normalizer);
            contamination = shareAbove(normalizer.normalize(raw), threshold);
        } else {
            contamination = options.contamination();
            threshold = normalizedQuantile(distribution, normalizer, 1.0 - contamination);
        }
        Calibration calibration = calibrationRows == null ? null : Calibration.of(fitted.score(calibrationRows));
        Provenance provenance = new Provenance(detector.name(), detector.parameters(), fitRows.rows(),
                encoded.cols(), encoder.featureNames(), options.seed(), Version.current(), options.clock().instant());
        AnomalyModel model = new AnomalyModel(encoder, fitted, normalizer, threshold, contamination, options.rule(),
                calibration, options.baseline() ? FeatureBaseline.of(fitRows) : null, provenance);
        Scores scores;
        if (calibration == null) {
            double[] normalized = normalizer.normalize(raw);
            scores = new Scores(raw, normalized, flags(normalized, threshold), threshold);
        } else {
            scores = model.scoreEncoded(encoded, threshold);
        }
        long t2 = System.nanoTime();
        return new Training(model, scores, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    public static void checkContamination(double contamination) {
        if (!(contamination > 0 && contamination <= 0.5)) {
            throw new InvalidParameterException("contamination",
                    "contamination must be greater than 0 and at most 0.5, got " + contamination);
        }
    }

    /** Scores user rows, encoding them with the model's schema. */
    public Scores score(Table rows) {
        return scoreEncoded(encoder.encode(rows), threshold);
    }

    /** Scores user rows against a caller's threshold in [0, 1]. */
    public Scores score(Table rows, double threshold) {
        return scoreEncoded(encoder.encode(rows), threshold);
    }

    /** Scores rows already encoded with this model's encoder. */
    public Scores scoreEncoded(Matrix encoded, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InvalidParameterException("threshold", "threshold must be between 0 and 1, got " + threshold);
        }
        if (encoded.cols() != detector.features()) {
            throw new IllegalArgumentException("rows have " + encoded.cols() + " features, the model expects "
                    + detector.features());
        }
        double[] raw = detector.score(encoded);
        double[] normalized = normalizer.normalize(raw);
        return new Scores(raw, normalized, flags(normalized, threshold), threshold,
                calibration == null ? null : calibration.pValues(raw));
    }

    /** As {@link #normalizedQuantile(ScoreDistribution, ScoreNormalizer, double)} on sorted raw scores. */
    static double normalizedQuantile(double[] sortedRaw, ScoreNormalizer normalizer, double q) {
        return normalizedQuantile(ScoreDistribution.of(sortedRaw), normalizer, q);
    }

    /**
     * The q-quantile of the normalised scores (linear interpolation), read off the raw scores' order statistics:
     * the normaliser is monotone, so they correspond. A NaN raw score counts as the most anomalous (1.0).
     */
    public static double normalizedQuantile(ScoreDistribution raw, ScoreNormalizer normalizer, double q) {
        double pos = q * (raw.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, raw.size() - 1);
        double frac = pos - lo;
        double a = normalizedOrOne(normalizer, raw.orderStatistic(lo));
        if (frac == 0) {
            return a;
        }
        double b = normalizedOrOne(normalizer, raw.orderStatistic(hi));
        return a + (b - a) * frac;
    }

    private static double normalizedOrOne(ScoreNormalizer normalizer, double raw) {
        double v = normalizer.normalize(raw);
        return Double.isNaN(v) ? 1.0 : v;
    }

    private static boolean[] flags(double[] normalized, double threshold) {
        boolean[] out = new boolean[normalized.length];
        for (int i = 0; i < normalized.length; i++) {
            out[i] = normalized[i] > threshold;
        }
        return out;
    }

    private static double shareAbove(double[] normalized, double threshold) {
        int c = 0;
        for (double v : normalized) {
            if (v > threshold) {
                c++;
            }
        }
        return (double) c / Math.max(1, normalized.length);
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    public SchemaEncoder encoder() {
        return encoder;
    }

    public FittedDetector detector() {
        return detector;
    }

    public ScoreNormalizer normalizer() {
        return normalizer;
    }

    public double threshold() {
        return threshold;
    }

    /** The contamination given, or under {@link ThresholdRule#AUTO} the share of training rows it flagged. */
    public double contamination() {
        return contamination;
    }

    public ThresholdRule thresholdRule() {
        return rule;
    }

    /** The conformal calibration, or null when the model was trained without one. */
    public Calibration calibration() {
        return calibration;
    }

    /** Per-feature training medians and MADs, what explanations call normal; null in models saved without one. */
    public FeatureBaseline baseline() {
        return baseline;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** The same model with another default threshold. */
    public AnomalyModel withThreshold(double newThreshold) {
        return new AnomalyModel(encoder, detector, normalizer, newThreshold, contamination, rule, calibration,
                baseline, provenance);
    }
}
