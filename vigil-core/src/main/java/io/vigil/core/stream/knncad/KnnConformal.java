package io.vigil.core.stream.knncad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.stream.AlertCooldown;
import io.vigil.core.stream.Observation;
import io.vigil.core.stream.StreamDetector;
import io.vigil.core.stream.StreamDetectorFactory;
import io.vigil.core.stream.StreamResult;
import io.vigil.core.stream.StreamSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * KNN conformal anomaly detector over a numeric stream (the first value of each observation); the method is in the
 * package documentation. The lag vector of a point is its value and the {@code window - 1} values before it. The
 * first {@code training} lag vectors fill the training window; then each vector's non-conformity (the sum of its
 * {@code neighbors} smallest distances to the training vectors, distances in the metric of the inverse second-moment
 * matrix of the training vectors, so every lag counts in its own scale) is compared with the non-conformities of the
 * last {@code training} vectors: the score is the share of them strictly below it, in [0, 1]. After scoring, the
 * vector replaces the oldest training vector and its non-conformity the oldest calibration value, so the model
 * follows the stream with bounded memory; the metric is re-estimated every {@code training / 2} points.
 *
 * <p>A point is flagged when its score reaches {@code threshold} and no alert was raised in the {@code cooldown}
 * points before it. Deterministic: no randomness, and a restored snapshot continues exactly.
 */
public final class KnnConformal implements StreamDetector {
    public static final String TYPE = "knn_cad";

    public static final StreamDetectorFactory FACTORY = new StreamDetectorFactory(TYPE,
            "KNN conformal anomaly detection (Burnaev & Ishimtsev 2016): lag vectors against their nearest neighbours",
            p -> read(p).build(), KnnConformal::restore);

    private final int window;
    private final int neighbors;
    private final int training;
    private final double threshold;
    private final int cooldownLength;
    private AlertCooldown cooldown;
    /** The last {@code window} values, oldest first after rotation by {@code next}. */
    private final double[] lags;
    private int lagsFilled;
    private int lagNext;
    /** Training lag vectors, row-major, a ring of {@code training} rows; and their whitened copies. */
    private final double[] vectors;
    private final double[] whitened;
    private int vectorsFilled;
    private int vectorNext;
    /** Non-conformities of the last {@code training} scored vectors, a ring; NaN until the training window fills. */
    private final double[] calibration;
    private int calibrationNext;
    private boolean calibrated;
    private final Whitening whitening;
    private int sinceMetric;
    private long count;
    private final double[] current;
    private final double[] currentWhite;
    private final double[] nearest;

    private KnnConformal(Builder b) {
        this.window = b.window;
        this.neighbors = b.neighbors;
        this.training = b.training;
        this.threshold = b.threshold;
        this.cooldownLength = b.cooldown;
        this.cooldown = new AlertCooldown(b.cooldown);
        this.lags = new double[window];
        this.vectors = new double[training * window];
        this.whitened = new double[training * window];
        this.calibration = new double[training];
        this.whitening = new Whitening(window);
        this.current = new double[window];
        this.currentWhite = new double[window];
        this.nearest = new double[neighbors + 1];
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Builder read(DetectorParameters p) {
        return builder().window(p.intValue(19, "window", "dim"))
                .neighbors(p.intValue(27, "neighbors", "k"))
                .training(p.intValue(750, "training"))
                .threshold(p.doubleValue(0.9965, "threshold"))
                .cooldown(p.intValue(0, "cooldown"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", window);
        m.put("neighbors", neighbors);
        m.put("training", training);
        m.put("threshold", threshold);
        m.put("cooldown", cooldownLength);
        return m;
    }

    @Override
    public StreamResult process(Observation observation) {
        return observe(observation.asNumeric(TYPE).values()[0]);
    }

    public synchronized KnnConformalResult observe(double x) {
        Observation.requireFinite(TYPE, x);
        count++;
        lags[lagNext] = x;
        lagNext = lagNext + 1 == window ? 0 : lagNext + 1;
        if (lagsFilled < window) {
            lagsFilled++;
            if (lagsFilled < window) {
                return new KnnConformalResult(x, 0.0, Double.NaN, false, count);
            }
        }
        for (int i = 0, j = lagNext; i < window; i++, j = j + 1 == window ? 0 : j + 1) {
            current[i] = lags[j];
        }
        if (vectorsFilled < training) {
            addVector();
            if (vectorsFilled == training) {
                refreshMetric();
                for (int r = 0; r < training; r++) {
                    calibration[r] = nonConformity(whitened, r * window, r);
                }
                calibrated = true;
            }
            return new KnnConformalResult(x, 0.0, Double.NaN, false, count);
        }
        whitening.apply(current, 0, currentWhite, 0);
        double alpha = nonConformity(currentWhite, 0, -1);
        int below = 0;
        for (double c : calibration) {
            if (c < alpha) {
                below++;
            }
        }
        double score = (double) below / training;
        boolean alert = cooldown.admit(score >= threshold, count);
        calibration[calibrationNext] = alpha;
        calibrationNext = calibrationNext + 1 == training ? 0 : calibrationNext + 1;
        addVector();
        if (++sinceMetric >= Math.max(1, training / 2)) {
            refreshMetric();
        }
        return new KnnConformalResult(x, score, alpha, alert, count);
    }

    private void addVector() {
        System.arraycopy(current, 0, vectors, vectorNext * window, window);
        if (calibrated) {
            whitening.apply(current, 0, whitened, vectorNext * window);
        }
        vectorNext = vectorNext + 1 == training ? 0 : vectorNext + 1;
        if (vectorsFilled < training) {
            vectorsFilled++;
        }
    }

    private void refreshMetric() {
        sinceMetric = 0;
        whitening.fit(vectors, training, vectorNext);
        for (int r = 0; r < training; r++) {
            whitening.apply(vectors, r * window, whitened, r * window);
        }
    }

    /** Sum of the {@code neighbors} smallest squared distances from a whitened vector to the training vectors. */
    private double nonConformity(double[] v, int offset, int skipRow) {
        int kept = 0;
        for (int r = 0; r < training; r++) {
            if (r == skipRow) {
                continue;
            }
            double d2 = 0;
            int base = r * window;
            for (int j = 0; j < window; j++) {
                double diff = whitened[base + j] - v[offset + j];
                d2 += diff * diff;
            }
            // Insertion into the sorted list of the smallest distances so far.
            if (kept < neighbors) {
                int i = kept++;
                while (i > 0 && nearest[i - 1] > d2) {
                    nearest[i] = nearest[i - 1];
                    i--;
                }
                nearest[i] = d2;
            } else if (d2 < nearest[neighbors - 1]) {
                int i = neighbors - 1;
                while (i > 0 && nearest[i - 1] > d2) {
                    nearest[i] = nearest[i - 1];
                    i--;
                }
                nearest[i] = d2;
            }
        }
        double sum = 0;
        for (int i = 0; i < kept; i++) {
            sum += nearest[i];
        }
        return sum;
    }

    @Override
    public synchronized long count() {
        return count;
    }

    @Override
    public synchronized byte[] snapshot() {
        ObjectNode state = StreamSnapshot.json().createObjectNode();
        state.put("count", count);
        state.put("last_alert", cooldown.lastAlert());
        state.put("since_metric", sinceMetric);
        ArrayNode values = state.putArray("lags");
        int start = lagsFilled < window ? 0 : lagNext;
        for (int i = 0; i < lagsFilled; i++) {
            values.add(lags[(start + i) % window]);
        }
        ArrayNode vecs = state.putArray("vectors");
        int first = vectorsFilled < training ? 0 : vectorNext;
        for (int i = 0; i < vectorsFilled * window; i++) {
            vecs.add(vectors[(first * window + i) % (training * window)]);
        }
        ArrayNode metric = state.putArray("metric");
        for (double v : whitening.factor()) {
            metric.add(v);
        }
        ArrayNode cal = state.putArray("calibration");
        if (calibrated) {
            for (int i = 0; i < training; i++) {
                cal.add(calibration[(calibrationNext + i) % training]);
            }
        }
        return new StreamSnapshot(TYPE, settings(), state).toBytes();
    }

    private static StreamDetector restore(DetectorParameters p, JsonNode state) {
        KnnConformal d = read(p).build();
        JsonNode lags = state.path("lags");
        JsonNode vecs = state.path("vectors");
        JsonNode cal = state.path("calibration");
        if (!lags.isArray() || lags.size() > d.window || !vecs.isArray() || vecs.size() % d.window != 0
                || vecs.size() > d.training * d.window || !cal.isArray()
                || (cal.size() != 0 && cal.size() != d.training)) {
            throw new IllegalArgumentException("corrupt " + TYPE + " snapshot: lags, vectors or calibration do not "
                    + "match window " + d.window + " and training " + d.training);
        }
        for (JsonNode v : lags) {
            d.lags[d.lagNext] = v.asDouble();
            d.lagNext = (d.lagNext + 1) % d.window;
            d.lagsFilled++;
        }
        for (int i = 0; i < vecs.size(); i++) {
            d.vectors[i] = vecs.get(i).asDouble();
        }
        d.vectorsFilled = vecs.size() / d.window;
        d.vectorNext = d.vectorsFilled % d.training;
        if (cal.size() == d.training) {
            for (int i = 0; i < d.training; i++) {
                d.calibration[i] = cal.get(i).asDouble();
            }
            d.calibrated = true;
            // The metric was fitted on an earlier training window, so it travels in the snapshot.
            JsonNode metric = state.path("metric");
            double[] factor = new double[metric.size()];
            for (int i = 0; i < factor.length; i++) {
                factor[i] = metric.get(i).asDouble();
            }
            d.whitening.restore(factor);
            for (int row = 0; row < d.training; row++) {
                d.whitening.apply(d.vectors, row * d.window, d.whitened, row * d.window);
            }
            d.sinceMetric = state.path("since_metric").asInt();
        }
        d.count = state.path("count").asLong();
        d.cooldown = new AlertCooldown(d.cooldownLength, state.path("last_alert").asLong());
        return d;
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private int window = 19;
        private int neighbors = 27;
        private int training = 750;
        private double threshold = 0.9965;
        private int cooldown;

        /** Length of the lag vector: the point and the values before it. */
        public Builder window(int window) {
            this.window = window;
            return this;
        }

        /** Nearest training vectors whose distances make up the non-conformity. */
        public Builder neighbors(int neighbors) {
            this.neighbors = neighbors;
            return this;
        }

        /** Size of the training window and of the calibration window. */
        public Builder training(int training) {
            this.training = training;
            return this;
        }

        /** Score at or above which a point is flagged. */
        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** Points after an alert during which no new alert is raised (0: none). */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        public KnnConformal build() {
            if (window < 1 || window > 1000) {
                throw new InvalidParameterException("window", "window must be between 1 and 1000");
            }
            if (neighbors < 1) {
                throw new InvalidParameterException("neighbors", "neighbors must be at least 1");
            }
            if (training <= neighbors || training > 100_000) {
                throw new InvalidParameterException("training",
                        "training must be greater than neighbors (" + neighbors + ") and at most 100000");
            }
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new InvalidParameterException("threshold", "threshold must be between 0 and 1");
            }
            if (cooldown < 0) {
                throw new InvalidParameterException("cooldown", "cooldown must be at least 0");
            }
            return new KnnConformal(this);
        }
    }
}
