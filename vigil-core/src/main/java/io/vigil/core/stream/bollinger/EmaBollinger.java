package io.vigil.core.stream.bollinger;

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
 * EMA with Bollinger bands over a numeric stream (the first value of each observation).
 *
 * <p>Each point is judged against the state left by the points before it, then folded in: the band is
 * {@code ema ± k sd}, where ema is the exponential moving average with {@code alpha = 2 / (window + 1)} (started at
 * the first value) and sd the population standard deviation of the last {@code window} values, kept in a ring
 * buffer and recomputed in two passes per point (exact, no drift from running sums of squares). Points are flagged
 * only once a full window has been seen, and not within {@code cooldown} points after the previous alert.
 */
public final class EmaBollinger implements StreamDetector {
    public static final String TYPE = "ema_bollinger";

    public static final StreamDetectorFactory FACTORY = new StreamDetectorFactory(TYPE,
            "EMA with Bollinger bands: flags points beyond ema ± k sd of the last N points",
            p -> read(p).build(), EmaBollinger::restore);

    private final int window;
    private final double k;
    private final BandSide side;
    private final int cooldownLength;
    private AlertCooldown cooldown;
    private final double alpha;
    private final double[] ring;
    private int filled;
    private int next;
    private double ema = Double.NaN;
    private long count;

    private EmaBollinger(Builder b) {
        this.window = b.window;
        this.k = b.k;
        this.side = b.side;
        this.cooldownLength = b.cooldown;
        this.cooldown = new AlertCooldown(b.cooldown);
        this.alpha = 2.0 / (window + 1.0);
        this.ring = new double[window];
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Builder read(DetectorParameters p) {
        return builder().window(p.intValue(20, "window", "n"))
                .k(p.doubleValue(2.0, "k"))
                .side(BandSide.parse(p.stringValue("outside", "side")))
                .cooldown(p.intValue(0, "cooldown"));
    }

    private static StreamDetector restore(DetectorParameters p, JsonNode state) {
        EmaBollinger d = read(p).build();
        JsonNode values = state.path("values");
        if (!values.isArray() || values.size() > d.window) {
            throw new IllegalArgumentException("corrupt ema_bollinger snapshot: values must be an array of at most "
                    + d.window);
        }
        // Oldest first in the snapshot; refilling in order rebuilds the ring (its rotation does not matter).
        for (JsonNode v : values) {
            d.ring[d.next] = v.asDouble();
            d.next = (d.next + 1) % d.window;
            d.filled++;
        }
        d.ema = state.path("ema").isNumber() ? state.get("ema").asDouble() : Double.NaN;
        d.count = state.path("count").asLong();
        d.cooldown = new AlertCooldown(d.cooldownLength, state.path("last_alert").asLong());
        return d;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", window);
        m.put("k", k);
        m.put("side", side.label());
        m.put("cooldown", cooldownLength);
        return m;
    }

    @Override
    public StreamResult process(Observation observation) {
        return observe(observation.asNumeric(TYPE).values()[0]);
    }

    public synchronized BollingerResult observe(double x) {
        Observation.requireFinite(TYPE, x);
        BollingerResult result;
        if (filled == 0) {
            result = new BollingerResult(x, x, x, x, 0.0, false, count + 1);
        } else {
            double sd = windowDeviation();
            double upper = ema + k * sd;
            double lower = ema - k * sd;
            double beyond = switch (side) {
                case ABOVE -> x - upper;
                case BELOW -> lower - x;
                case OUTSIDE -> Math.max(x - upper, lower - x);
            };
            double score = beyond <= 0 ? 0.0 : sd > 0 ? beyond / sd : Double.POSITIVE_INFINITY;
            boolean alert = cooldown.admit(filled == window && score > 0, count + 1);
            result = new BollingerResult(x, ema, upper, lower, score, alert, count + 1);
        }
        ema = filled == 0 ? x : alpha * x + (1 - alpha) * ema;
        ring[next] = x;
        next = next + 1 == window ? 0 : next + 1;
        if (filled < window) {
            filled++;
        }
        count++;
        return result;
    }

    /** Summed oldest first, so a restored ring (rotated differently) gives bit-identical results. */
    private double windowDeviation() {
        int start = filled < window ? 0 : next;
        double sum = 0;
        for (int i = 0, j = start; i < filled; i++, j = j + 1 == window ? 0 : j + 1) {
            sum += ring[j];
        }
        double mean = sum / filled;
        double squares = 0;
        for (int i = 0, j = start; i < filled; i++, j = j + 1 == window ? 0 : j + 1) {
            double d = ring[j] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / filled);
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
        if (Double.isNaN(ema)) {
            state.putNull("ema");
        } else {
            state.put("ema", ema);
        }
        ArrayNode values = state.putArray("values");
        int start = filled < window ? 0 : next;
        for (int i = 0; i < filled; i++) {
            values.add(ring[(start + i) % window]);
        }
        return new StreamSnapshot(TYPE, settings(), state).toBytes();
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private int window = 20;
        private double k = 2.0;
        private BandSide side = BandSide.OUTSIDE;
        private int cooldown;

        /** N: the EMA's span (alpha = 2 / (N + 1)) and the number of values the sd is taken over. */
        public Builder window(int window) {
            this.window = window;
            return this;
        }

        /** Band half-width in standard deviations. */
        public Builder k(double k) {
            this.k = k;
            return this;
        }

        public Builder side(BandSide side) {
            this.side = side;
            return this;
        }

        /** Points after an alert during which points beyond the band are not flagged again (0: none). */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        public EmaBollinger build() {
            if (cooldown < 0) {
                throw new InvalidParameterException("cooldown", "cooldown must be at least 0");
            }
            if (window < 2) {
                throw new InvalidParameterException("window", "window must be at least 2");
            }
            if (window > 1_000_000) {
                throw new InvalidParameterException("window", "window must be at most 1000000");
            }
            if (!(k >= 0) || Double.isInfinite(k)) {
                throw new InvalidParameterException("k", "k must be a finite number at least 0");
            }
            if (side == null) {
                throw new InvalidParameterException("side", "side must be above, below or outside");
            }
            return new EmaBollinger(this);
        }
    }
}
