package io.vigil.core.stream.rcf;

import com.amazon.randomcutforest.config.Precision;
import com.amazon.randomcutforest.config.TransformMethod;
import com.amazon.randomcutforest.parkservices.AnomalyDescriptor;
import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestMapper;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestState;
import com.amazon.randomcutforest.returntypes.DiVector;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Locale;
import java.util.Map;

/**
 * Amazon's thresholded random cut forest over a stream of points with {@code dimensions} values each, shingled
 * internally. Single threaded inside (parallel execution off) so that a seed gives the same grades everywhere.
 */
public final class RandomCutForestStream implements StreamDetector {
    public static final String TYPE = "rcf";

    public static final StreamDetectorFactory FACTORY = new StreamDetectorFactory(TYPE,
            "Random Cut Forest (Guha et al. 2016) with Amazon's thresholder: score, grade, attribution, expected value",
            p -> read(p).build(), RandomCutForestStream::restore);

    private final Builder settings;
    private final ThresholdedRandomCutForest forest;
    private final AlertCooldown cooldown;
    private long count;

    private RandomCutForestStream(Builder b, ThresholdedRandomCutForest forest, long count, AlertCooldown cooldown) {
        this.settings = b;
        this.forest = forest;
        this.count = count;
        this.cooldown = cooldown;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Builder read(DetectorParameters p) {
        Builder b = builder()
                .dimensions(p.intValue(1, "dimensions"))
                .shingleSize(p.intValue(8, "shingle_size"))
                .trees(p.intValue(50, "trees", "number_of_trees"))
                .sampleSize(p.intValue(256, "sample_size"))
                .anomalyRate(p.doubleValue(0.005, "anomaly_rate"))
                .transform(p.stringValue("normalize", "transform"))
                .seed(p.has("seed") ? (long) p.doubleValue(0, "seed") : 42L)
                .cooldown(p.intValue(0, "cooldown"));
        if (p.has("output_after")) {
            b.outputAfter(p.intValue(0, "output_after"));
        }
        if (p.has("time_decay")) {
            b.timeDecay(p.doubleValue(0, "time_decay"));
        }
        return b;
    }

    private static StreamDetector restore(DetectorParameters p, JsonNode state) {
        Builder b = read(p);
        b.validate();
        try {
            ThresholdedRandomCutForestState s = StreamSnapshot.json()
                    .treeToValue(state.get("forest"), ThresholdedRandomCutForestState.class);
            ThresholdedRandomCutForest forest = new ThresholdedRandomCutForestMapper().toModel(s);
            return new RandomCutForestStream(b, forest, state.path("count").asLong(),
                    new AlertCooldown(b.cooldown, state.path("last_alert").asLong()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt rcf snapshot: " + e.getMessage());
        }
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
        Observation.Numeric n = observation.asNumeric(TYPE);
        return observe(n.timestamp(), n.values());
    }

    /** Scores and learns a point; a negative time stamp means "use the point's sequence number". */
    public synchronized RcfResult observe(long timestamp, double... values) {
        int d = settings.dimensions;
        if (values.length != d) {
            throw new IllegalArgumentException("rcf was set up for " + d + " values per point, got " + values.length);
        }
        for (double v : values) {
            Observation.requireFinite(TYPE, v);
        }
        AnomalyDescriptor a = forest.process(values.clone(), timestamp < 0 ? count : timestamp);
        count++;
        double[] attribution = new double[0];
        DiVector div = a.getAttribution();
        if (div != null) {
            // The vector spans the whole shingle; the current time step is its last block of d values, shifted
            // back by relativeIndex when the thresholder blames an earlier point.
            int block = div.getDimensions() / d;
            int step = Math.max(0, Math.min(block - 1, block - 1 + a.getRelativeIndex()));
            attribution = new double[d];
            for (int j = 0; j < d; j++) {
                attribution[j] = div.getHighLowSum(step * d + j);
            }
        }
        double[] expected = new double[0];
        double[][] list = a.getExpectedValuesList();
        if (a.getAnomalyGrade() > 0 && list != null && list.length > 0 && list[0] != null) {
            expected = list[0].clone();
        }
        boolean alert = cooldown.admit(a.getAnomalyGrade() > 0, count);
        return new RcfResult(a.getRCFScore(), a.getAnomalyGrade(), a.getDataConfidence(), attribution, expected,
                a.getRelativeIndex(), alert, count);
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
        ThresholdedRandomCutForestState s = new ThresholdedRandomCutForestMapper().toState(forest);
        state.set("forest", StreamSnapshot.json().valueToTree(s));
        return new StreamSnapshot(TYPE, settings(), state).toBytes();
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private int dimensions = 1;
        private int shingleSize = 8;
        private int trees = 50;
        private int sampleSize = 256;
        private Integer outputAfter;
        private Double timeDecay;
        private double anomalyRate = 0.005;
        private String transform = "normalize";
        private long seed = 42L;
        private int cooldown;

        /** Values per point (input length before shingling). */
        public Builder dimensions(int dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        public Builder shingleSize(int shingleSize) {
            this.shingleSize = shingleSize;
            return this;
        }

        public Builder trees(int trees) {
            this.trees = trees;
            return this;
        }

        public Builder sampleSize(int sampleSize) {
            this.sampleSize = sampleSize;
            return this;
        }

        /** Points to see before grading; the library's default (a quarter of the sample size) when unset. */
        public Builder outputAfter(int outputAfter) {
            this.outputAfter = outputAfter;
            return this;
        }

        /** Forgetting rate of the samplers; the library's default (1 / (10 sample size)) when unset. */
        public Builder timeDecay(double timeDecay) {
            this.timeDecay = timeDecay;
            return this;
        }

        public Builder anomalyRate(double anomalyRate) {
            this.anomalyRate = anomalyRate;
            return this;
        }

        /** Preprocessing: none, normalize, difference, normalize_difference, weighted or subtract_ma. */
        public Builder transform(String transform) {
            this.transform = transform;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Points after an alert during which graded points are not flagged again (0: none). */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dimensions", dimensions);
            m.put("shingle_size", shingleSize);
            m.put("trees", trees);
            m.put("sample_size", sampleSize);
            if (outputAfter != null) {
                m.put("output_after", outputAfter);
            }
            if (timeDecay != null) {
                m.put("time_decay", timeDecay);
            }
            m.put("anomaly_rate", anomalyRate);
            m.put("transform", transform);
            m.put("seed", seed);
            m.put("cooldown", cooldown);
            return m;
        }

        private TransformMethod transformMethod() {
            try {
                return TransformMethod.valueOf(transform.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("transform", "transform must be one of none, normalize, "
                        + "difference, normalize_difference, weighted, subtract_ma; got '" + transform + "'");
            }
        }

        void validate() {
            if (dimensions <= 0) {
                throw new InvalidParameterException("dimensions", "dimensions must be greater than 0");
            }
            if (shingleSize <= 0) {
                throw new InvalidParameterException("shingle_size", "shingleSize must be greater than 0");
            }
            if ((long) shingleSize * dimensions > 10_000) {
                throw new InvalidParameterException("shingle_size", "shingleSize * dimensions must be at most 10000");
            }
            if (trees <= 0 || trees > 10_000) {
                throw new InvalidParameterException("trees", "trees must be between 1 and 10000");
            }
            if (sampleSize < 2 || sampleSize > 1 << 16) {
                throw new InvalidParameterException("sample_size", "sampleSize must be between 2 and 65536");
            }
            if (outputAfter != null && (outputAfter < 1 || outputAfter > sampleSize)) {
                throw new InvalidParameterException("output_after",
                        "outputAfter must be between 1 and sampleSize");
            }
            if (timeDecay != null && !(timeDecay >= 0 && timeDecay < 1)) {
                throw new InvalidParameterException("time_decay", "timeDecay must be in [0, 1)");
            }
            if (!(anomalyRate > 0 && anomalyRate < 0.5)) {
                throw new InvalidParameterException("anomaly_rate", "anomalyRate must be in (0, 0.5)");
            }
            if (cooldown < 0) {
                throw new InvalidParameterException("cooldown", "cooldown must be at least 0");
            }
            transformMethod();
        }

        public RandomCutForestStream build() {
            validate();
            ThresholdedRandomCutForest.Builder<?> b = ThresholdedRandomCutForest.builder()
                    .dimensions(dimensions * shingleSize)
                    .shingleSize(shingleSize)
                    .internalShinglingEnabled(true)
                    .numberOfTrees(trees)
                    .sampleSize(sampleSize)
                    .precision(Precision.FLOAT_32)
                    .anomalyRate(anomalyRate)
                    .transformMethod(transformMethod())
                    .parallelExecutionEnabled(false)
                    .randomSeed(seed);
            if (outputAfter != null) {
                b.outputAfter(outputAfter);
            }
            if (timeDecay != null) {
                b.timeDecay(timeDecay);
            }
            return new RandomCutForestStream(this, b.build(), 0, new AlertCooldown(cooldown));
        }
    }
}
