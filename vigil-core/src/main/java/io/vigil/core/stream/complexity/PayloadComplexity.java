package io.vigil.core.stream.complexity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.stream.Observation;
import io.vigil.core.stream.StreamDetector;
import io.vigil.core.stream.StreamDetectorFactory;
import io.vigil.core.stream.StreamResult;
import io.vigil.core.stream.StreamSnapshot;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payload complexity: how surprising a JSON payload is to a compression model of the payloads before it, in
 * standard deviations from the running mean (a reimplementation of the API gateway's {@code anomaly} service).
 *
 * <p>For each payload, in this order: (1) serialise it to canonical JSON (compact, keys sorted); (2) cost every byte
 * under the current {@link ContextModel}, giving {@code bits = 14 - total / length} bits per byte, an estimate of
 * K(payload | previous payloads); (3) score {@code complexity = |bits - mean| / sd} against the mean and population
 * sd of the previous payloads' bits (0 while sd is 0, so the first two payloads score 0); (4) adapt the model to
 * the payload; (5) add {@code bits} to the running statistics. The payload thus never counts toward the baseline
 * it is judged against.
 */
public final class PayloadComplexity implements StreamDetector {
    public static final String TYPE = "complexity";
    public static final int MAX_NODES_LIMIT = 1 << 23;

    public static final StreamDetectorFactory FACTORY = new StreamDetectorFactory(TYPE,
            "Payload complexity: bits per byte of canonical JSON under an adaptive context model, as a z-score",
            PayloadComplexity::fromSettings, PayloadComplexity::restore);

    private final int depth;
    private final int maxNodes;
    private final double threshold;
    private final long minCount;
    private final ContextModel model;
    private final RunningStats stats;
    private final CanonicalJson canonical = new CanonicalJson();

    private PayloadComplexity(Builder b, ContextModel model, RunningStats stats) {
        this.depth = b.depth;
        this.maxNodes = b.maxNodes;
        this.threshold = b.threshold;
        this.minCount = b.minCount;
        this.model = model;
        this.stats = stats;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Builder read(DetectorParameters p) {
        return builder().depth(p.intValue(2, "depth"))
                .maxNodes(p.intValue(65_536, "max_nodes"))
                .threshold(p.doubleValue(3.0, "threshold"))
                .minCount(p.intValue(100, "min_count"));
    }

    private static StreamDetector fromSettings(DetectorParameters p) {
        return read(p).build();
    }

    private static StreamDetector restore(DetectorParameters p, JsonNode state) {
        Builder b = read(p);
        b.build();
        ContextModel model;
        try {
            model = ContextModel.fromBytes(Base64.getDecoder().decode(state.path("model").asText()));
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("corrupt complexity snapshot: " + e.getMessage());
        }
        if (model.depth() != b.depth || model.maxNodes() != b.maxNodes) {
            throw new IllegalArgumentException("complexity snapshot model does not match its settings");
        }
        RunningStats stats = new RunningStats(state.path("count").asLong(),
                Float.intBitsToFloat(state.path("mean_bits").asInt()),
                Float.intBitsToFloat(state.path("squares_bits").asInt()));
        return new PayloadComplexity(b, model, stats);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("depth", depth);
        m.put("max_nodes", maxNodes);
        m.put("threshold", threshold);
        m.put("min_count", minCount);
        return m;
    }

    @Override
    public StreamResult process(Observation observation) {
        return observe(observation.asPayload(TYPE).payload());
    }

    /** Scores a payload, then learns it (see the class comment for the order). */
    public synchronized ComplexityResult observe(JsonNode payload) {
        canonical.write(payload);
        return observeCanonical(canonical.buffer(), canonical.length());
    }

    /** As {@link #observe} for bytes that already are the payload's canonical JSON. */
    public synchronized ComplexityResult observeCanonical(byte[] bytes, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("an empty payload has no complexity");
        }
        // Steps (2) and (4) in one call, which shares the tree walk between them; the z-score does not depend on
        // the model, so scoring after the model has learnt the payload changes nothing.
        long total = model.observe(bytes, length);
        float bits = 14f - (float) total / length;
        float z = stats.deviations(bits);
        stats.add(bits);
        long n = stats.count();
        return new ComplexityResult(z, n, bits, n >= minCount && z >= threshold);
    }

    @Override
    public synchronized long count() {
        return stats.count();
    }

    /** Context nodes in memory (at most {@code max_nodes}). */
    public synchronized int nodeCount() {
        return model.nodeCount();
    }

    /** Nodes from most to least recently used, each as its context bytes (oldest first); for tests. */
    synchronized int[][] contextsByRecency() {
        int[] order = model.recencyOrder();
        int[][] out = new int[order.length][];
        for (int i = 0; i < order.length; i++) {
            out[i] = model.contextOf(order[i]);
        }
        return out;
    }

    @Override
    public synchronized byte[] snapshot() {
        ObjectNode state = StreamSnapshot.json().createObjectNode();
        state.put("count", stats.count());
        // Bit patterns keep the single-precision statistics exact through JSON.
        state.put("mean_bits", Float.floatToRawIntBits(stats.mean()));
        state.put("squares_bits", Float.floatToRawIntBits(stats.squares()));
        state.put("mean", stats.mean());
        state.put("sd", stats.standardDeviation());
        state.put("model", Base64.getEncoder().encodeToString(model.toBytes()));
        return new StreamSnapshot(TYPE, settings(), state).toBytes();
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private int depth = 2;
        private int maxNodes = 65_536;
        private double threshold = 3.0;
        private long minCount = 100;

        /** Context length in bytes (the reference's "size of the statistical model"). */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        /** Cap on context nodes; the least recently used leaves are dropped beyond it. */
        public Builder maxNodes(int maxNodes) {
            this.maxNodes = maxNodes;
            return this;
        }

        /** Deviations at which a payload is flagged (the reference's example handler uses 3). */
        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** Payloads to see before flagging anything (the reference's example handler uses 100). */
        public Builder minCount(long minCount) {
            this.minCount = minCount;
            return this;
        }

        public PayloadComplexity build() {
            if (depth < 0) {
                throw new InvalidParameterException("depth", "depth must be at least 0");
            }
            if (depth > 16) {
                throw new InvalidParameterException("depth", "depth must be at most 16");
            }
            if (maxNodes <= depth) {
                throw new InvalidParameterException("max_nodes", "maxNodes must be greater than depth");
            }
            if (maxNodes > MAX_NODES_LIMIT) {
                throw new InvalidParameterException("max_nodes", "maxNodes must be at most " + MAX_NODES_LIMIT);
            }
            if (!(threshold >= 0) || Double.isInfinite(threshold)) {
                throw new InvalidParameterException("threshold", "threshold must be a finite number at least 0");
            }
            if (minCount < 0) {
                throw new InvalidParameterException("min_count", "minCount must be at least 0");
            }
            return new PayloadComplexity(this, new ContextModel(depth, maxNodes), new RunningStats());
        }
    }
}
