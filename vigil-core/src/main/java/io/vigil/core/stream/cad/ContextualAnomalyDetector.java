package io.vigil.core.stream.cad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.stream.AlertCooldown;
import io.vigil.core.stream.Observation;
import io.vigil.core.stream.StreamDetector;
import io.vigil.core.stream.StreamDetectorFactory;
import io.vigil.core.stream.StreamResult;
import io.vigil.core.stream.StreamSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/**
 * Contextual Anomaly Detector, open-source edition, over a numeric stream (the first value of each observation); the
 * method is in the package documentation.
 *
 * <p>Each value is put in one of {@code 2^value_bits} equal bins of the value range, and the bin's bits are the
 * step's sensor facts. NAB's harness hands the reference the series' minimum and maximum before it starts; a stream
 * has no such thing, so the range is learned. The first {@code warm_up} values are held back (scored 0); their minimum
 * and maximum become the range, and they are then learned from in order, exactly as the reference would learn them.
 * A later value more than one bin width outside the range widens it to that value; since contexts are facts about
 * bins, a memory learned under the old bins would mean something else under the new ones, so the memory is started
 * afresh and the last {@code history} values are learned into it under the new bins (their scores are not given
 * again). The memory thus is what the reference would have learned from those values had it known the range of
 * everything seen so far. Values less than a bin outside go to the end bin, an error within the bins' own
 * resolution; as every widening grows the range by at least a bin ({@code 1 / (2^value_bits - 1)} of it), the memory
 * is relearned at most about {@code 7.5 ln(final range / first range)} times (three value bits). Given {@code min}
 * and {@code max}, there is no warm-up and the range starts there: with a series' own extremes, this is the
 * reference run, score for score.
 *
 * <p>The raw score is 0 when every sensor fact of the point was predicted at the step before, else
 * {@code (1 - activeShare + newShare) / 2} (see {@link ContextOperator}). The score is the raw score unless one of
 * the last {@code rest_period} raw scores (or the start of the stream, counted as a raw score of 1) reached
 * {@code base_threshold}, then 0. A point is flagged when its score reaches {@code threshold} and no alert was raised
 * in the {@code cooldown} points before it. Deterministic: no randomness, and a restored snapshot continues exactly.
 */
public final class ContextualAnomalyDetector implements StreamDetector {
    public static final String TYPE = "cad_ose";
    static final int STATE_VERSION = 1;

    public static final StreamDetectorFactory FACTORY = new StreamDetectorFactory(TYPE,
            "Contextual Anomaly Detector, open-source edition (Smirnov, NAB 2016): learned contexts of binned values "
                    + "predict the next step's facts; unpredicted facts and unconfirmed contexts score high",
            p -> new ContextualAnomalyDetector(CadSettings.read(p)), ContextualAnomalyDetector::restore);

    private final CadSettings settings;
    private final double maxBin;
    private ContextOperator operator;
    private AlertCooldown cooldown;
    private final int[] sensors;
    /** The last {@code history} values, a ring; {@code recorded} values were ever put in it. */
    private final double[] history;
    private long recorded;
    private double low = Double.NaN;
    private double high = Double.NaN;
    private double step;
    /** Index of the last raw score at or above base_threshold; 0 is the start of the stream. */
    private long lastHigh;
    private long count;
    private long relearned;

    private ContextualAnomalyDetector(CadSettings settings) {
        this.settings = settings;
        this.maxBin = (1 << settings.valueBits()) - 1.0;
        this.operator = newOperator();
        this.cooldown = new AlertCooldown(settings.cooldown());
        this.sensors = new int[settings.valueBits()];
        this.history = new double[settings.history()];
        if (settings.min() != null) {
            setRange(settings.min(), settings.max());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> settings() {
        return settings.toMap();
    }

    @Override
    public StreamResult process(Observation observation) {
        return observe(observation.asNumeric(TYPE).values()[0]);
    }

    public synchronized CadResult observe(double x) {
        Observation.requireFinite(TYPE, x);
        count++;
        if (warmingUp()) {
            record(x);
            if (count == settings.warmUp()) {
                endWarmUp();
            }
            return new CadResult(x, 0.0, 0.0, false, count);
        }
        if (Double.isNaN(low)) {
            setRange(x, x);
        } else if (low == high ? x != low : x < low - step || x > high + step) {
            setRange(Math.min(x, low), Math.max(x, high));
            relearn(false);
        }
        record(x);
        double raw = rawScore(x);
        double score = count - lastHigh > settings.restPeriod() ? raw : 0.0;
        if (raw >= settings.baseThreshold()) {
            lastHigh = count;
        }
        boolean alert = cooldown.admit(score >= settings.threshold(), count);
        return new CadResult(x, score, raw, alert, count);
    }

    private boolean warmingUp() {
        return Double.isNaN(low) && count <= settings.warmUp();
    }

    private void record(double x) {
        history[(int) (recorded++ % history.length)] = x;
    }

    /** The held values set the range and are learned from in order; they were scored 0 and stay so. */
    private void endWarmUp() {
        double lo = history[0];
        double hi = history[0];
        for (int i = 1; i < recorded; i++) {
            lo = Math.min(lo, history[i]);
            hi = Math.max(hi, history[i]);
        }
        setRange(lo, hi);
        relearn(true);
    }

    /**
     * Starts a new context memory and learns the recorded values into it, oldest first: contexts are facts about bins,
     * so a memory learned under another range means something else. With {@code first}, the values are learned for
     * the first time (the warm-up), and their raw scores take part in the rest period as they would have on arrival.
     */
    private void relearn(boolean first) {
        relearned++;
        operator = newOperator();
        long from = Math.max(0, recorded - history.length);
        for (long i = from; i < recorded; i++) {
            double raw = rawScore(history[(int) (i % history.length)]);
            if (first && raw >= settings.baseThreshold()) {
                lastHigh = i + 1;
            }
        }
    }

    private ContextOperator newOperator() {
        return new ContextOperator(settings.maxLeftFacts(), settings.maxActiveNeurons());
    }

    private void setRange(double lo, double hi) {
        low = lo;
        high = hi;
        double range = hi - lo;
        // As the reference: a range of zero gives bins of width 1.
        step = (range == 0.0 ? maxBin : range) / maxBin;
    }

    /** One step of the reference's getAnomalyScore, before its rest period. */
    private double rawScore(double x) {
        // Values less than a bin outside the range go to the end bin; farther ones have widened the range.
        int bin = (int) ((x - low) / step);
        bin = Math.max(0, Math.min((int) maxBin, bin));
        long predicted = operator.predicted();
        boolean surprised = false;
        for (int s = 0; s < sensors.length; s++) {
            int fact = Facts.sensor(s, (bin >>> s) & 1);
            sensors[s] = fact;
            surprised |= (predicted & (1L << fact)) == 0;
        }
        operator.step(sensors, sensors.length);
        return surprised ? (1.0 - operator.activeShare() + operator.newShare()) / 2.0 : 0.0;
    }

    @Override
    public synchronized long count() {
        return count;
    }

    /** Times the memory was learned afresh from the history (the end of the warm-up included). */
    public synchronized long relearned() {
        return relearned;
    }

    @Override
    public synchronized byte[] snapshot() {
        ObjectNode state = StreamSnapshot.json().createObjectNode();
        state.put("version", STATE_VERSION);
        state.put("count", count);
        state.put("last_alert", cooldown.lastAlert());
        state.put("last_high", lastHigh);
        state.put("relearned", relearned);
        if (!Double.isNaN(low)) {
            state.put("low", low);
            state.put("high", high);
        }
        ArrayNode values = state.putArray("history");
        for (long i = Math.max(0, recorded - history.length); i < recorded; i++) {
            values.add(history[(int) (i % history.length)]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            operator.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state.put("memory", Base64.getEncoder().encodeToString(bytes.toByteArray()));
        return new StreamSnapshot(TYPE, settings(), state).toBytes();
    }

    private static StreamDetector restore(DetectorParameters p, JsonNode state) {
        ContextualAnomalyDetector d = new ContextualAnomalyDetector(CadSettings.read(p));
        if (state.path("version").asInt(-1) != STATE_VERSION) {
            throw new IllegalArgumentException("cad_ose snapshot state version " + state.path("version")
                    + " is not supported (expected " + STATE_VERSION + ")");
        }
        d.count = state.path("count").asLong();
        d.lastHigh = state.path("last_high").asLong();
        d.relearned = state.path("relearned").asLong();
        d.cooldown = new AlertCooldown(d.settings.cooldown(), state.path("last_alert").asLong());
        JsonNode values = state.path("history");
        if (!values.isArray() || values.size() > d.history.length || values.size() > d.count) {
            throw new IllegalArgumentException("corrupt cad_ose snapshot: history must be an array of at most "
                    + d.history.length + " values");
        }
        for (JsonNode v : values) {
            d.record(v.asDouble());
        }
        if (state.has("low")) {
            double lo = state.path("low").asDouble();
            double hi = state.path("high").asDouble();
            if (!(lo <= hi)) {
                throw new IllegalArgumentException("corrupt cad_ose snapshot: low must not exceed high");
            }
            d.setRange(lo, hi);
        } else if (d.count > 0 && !d.warmingUp() || d.warmingUp() && values.size() != d.count) {
            throw new IllegalArgumentException("corrupt cad_ose snapshot: no range, and not warming up");
        }
        try {
            byte[] memory = Base64.getDecoder().decode(state.path("memory").asText());
            d.operator.read(new DataInputStream(new ByteArrayInputStream(memory)));
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException("corrupt cad_ose snapshot: the memory is cut short", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt cad_ose snapshot: " + e.getMessage(), e);
        }
        return d;
    }

    /** Builder over {@link CadSettings} (which documents each setting); {@link #build()} checks every field. */
    public static final class Builder {
        private Double min;
        private Double max;
        /** Null until set: with a range given, absent means 0, as {@link CadSettings#read} has it. */
        private Integer warmUp;
        private int history = CadSettings.DEFAULTS.history();
        private int restPeriod = CadSettings.DEFAULTS.restPeriod();
        private double baseThreshold = CadSettings.DEFAULTS.baseThreshold();
        private int maxLeftFacts = CadSettings.DEFAULTS.maxLeftFacts();
        private int maxActiveNeurons = CadSettings.DEFAULTS.maxActiveNeurons();
        private int valueBits = CadSettings.DEFAULTS.valueBits();
        private double threshold = CadSettings.DEFAULTS.threshold();
        private int cooldown = CadSettings.DEFAULTS.cooldown();

        public Builder range(double min, double max) {
            this.min = min;
            this.max = max;
            return this;
        }

        public Builder warmUp(int warmUp) {
            this.warmUp = warmUp;
            return this;
        }

        public Builder history(int history) {
            this.history = history;
            return this;
        }

        public Builder restPeriod(int restPeriod) {
            this.restPeriod = restPeriod;
            return this;
        }

        public Builder baseThreshold(double baseThreshold) {
            this.baseThreshold = baseThreshold;
            return this;
        }

        public Builder maxLeftFacts(int maxLeftFacts) {
            this.maxLeftFacts = maxLeftFacts;
            return this;
        }

        public Builder maxActiveNeurons(int maxActiveNeurons) {
            this.maxActiveNeurons = maxActiveNeurons;
            return this;
        }

        public Builder valueBits(int valueBits) {
            this.valueBits = valueBits;
            return this;
        }

        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        public ContextualAnomalyDetector build() {
            int warm = warmUp != null ? warmUp : min != null ? 0 : CadSettings.DEFAULTS.warmUp();
            return new ContextualAnomalyDetector(new CadSettings(min, max, warm, history, restPeriod, baseThreshold,
                    maxLeftFacts, maxActiveNeurons, valueBits, threshold, cooldown));
        }
    }
}
