package io.vigil.core.score;

import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.encode.SchemaEncoder;
import java.time.Clock;
import java.util.Objects;

/**
 * A fitted anomaly model as users see it: the schema encoder that turns their rows into features, the fitted
 * detector, the normaliser that maps raw scores onto 0..1 and the threshold learned from the contamination, plus
 * provenance. Immutable and safe to score from many threads.
 */
public final class AnomalyModel {
    private final SchemaEncoder encoder;
    private final FittedDetector detector;
    private final ScoreNormalizer normalizer;
    private final double threshold;
    private final double contamination;
    private final Provenance provenance;

    public AnomalyModel(SchemaEncoder encoder, FittedDetector detector, ScoreNormalizer normalizer, double threshold,
                        double contamination, Provenance provenance) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
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

    /** A fitted model together with the scores of its own training rows. */
    public record Training(AnomalyModel model, Scores trainingScores, long fitMillis, long scoreMillis) {
    }

    /**
     * Fits {@code detector} on already encoded rows and learns normaliser and threshold from the training scores:
     * the threshold is the (1 - contamination) quantile of the normalised training scores.
     */
    public static Training train(Detector detector, SchemaEncoder encoder, Matrix encoded, double contamination,
                                 long seed, Clock clock) {
        checkContamination(contamination);
        long t0 = System.nanoTime();
        FittedDetector fitted = detector.fit(encoded);
        long t1 = System.nanoTime();
        double[] raw = fitted.score(encoded);
        long t2 = System.nanoTime();
        double[] sorted = raw.clone();
        java.util.Arrays.sort(sorted);
        ScoreNormalizer normalizer = ScoreNormalizer.fitSorted(sorted);
        double[] normalized = normalizer.normalize(raw);
        double threshold = normalizedQuantile(sorted, normalizer, 1.0 - contamination);
        Provenance provenance = new Provenance(detector.name(), detector.parameters(), encoded.rows(),
                encoded.cols(), encoder.featureNames(), seed, Version.current(), clock.instant());
        AnomalyModel model = new AnomalyModel(encoder, fitted, normalizer, threshold, contamination, provenance);
        Scores scores = new Scores(raw, normalized, flags(normalized, threshold), threshold);
        return new Training(model, scores, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    public static void checkContamination(double contamination) {
        if (!(contamination > 0 && contamination <= 0.5)) {
            throw new io.vigil.core.detect.InvalidParameterException("contamination",
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
            throw new io.vigil.core.detect.InvalidParameterException("threshold",
                    "threshold must be between 0 and 1, got " + threshold);
        }
        if (encoded.cols() != detector.features()) {
            throw new IllegalArgumentException("rows have " + encoded.cols() + " features, the model expects "
                    + detector.features());
        }
        double[] raw = detector.score(encoded);
        double[] normalized = normalizer.normalize(raw);
        return new Scores(raw, normalized, flags(normalized, threshold), threshold);
    }

    private static boolean[] flags(double[] normalized, double threshold) {
        boolean[] out = new boolean[normalized.length];
        for (int i = 0; i < normalized.length; i++) {
            out[i] = normalized[i] > threshold;
        }
        return out;
    }

    /**
     * The q-quantile of the normalised scores, read off the sorted raw scores: the normaliser is monotone, so the
     * order statistics correspond and one sort serves both. A NaN raw score counts as the most anomalous (1.0).
     */
    static double normalizedQuantile(double[] sortedRaw, ScoreNormalizer normalizer, double q) {
        double pos = q * (sortedRaw.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sortedRaw.length - 1);
        double a = normalizedOrOne(normalizer, sortedRaw[lo]);
        double b = normalizedOrOne(normalizer, sortedRaw[hi]);
        double frac = pos - lo;
        return frac == 0 ? a : a + (b - a) * frac;
    }

    private static double normalizedOrOne(ScoreNormalizer normalizer, double raw) {
        double v = normalizer.normalize(raw);
        return Double.isNaN(v) ? 1.0 : v;
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

    public double contamination() {
        return contamination;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** The same model with another default threshold. */
    public AnomalyModel withThreshold(double newThreshold) {
        return new AnomalyModel(encoder, detector, normalizer, newThreshold, contamination, provenance);
    }
}
