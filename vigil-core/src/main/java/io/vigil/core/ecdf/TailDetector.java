package io.vigil.core.ecdf;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The detectors that score a row by how deep its values sit in the tails of the training columns' empirical
 * distributions: ECOD ({@link io.vigil.core.ecod.Ecod}) and COPOD ({@link io.vigil.core.copod.Copod}), which differ
 * only in how a dimension's left and right tail scores combine ({@link TailRule}). Parameter-free apart from the
 * aggregation; fitting sorts each column once, scoring looks new rows up in the training columns.
 */
public final class TailDetector implements Detector {
    private final TailRule rule;
    private final TailAggregation aggregation;
    private final int threads;

    private TailDetector(Builder b) {
        this.rule = b.rule;
        this.aggregation = b.aggregation;
        this.threads = b.threads;
    }

    public static Builder builder(TailRule rule) {
        return new Builder(rule);
    }

    /** The registry entry of the detector that combines tails by {@code rule}. */
    public static DetectorFactory factory(TailRule rule, String description) {
        return new DetectorFactory() {
            @Override
            public String name() {
                return rule.detectorName();
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Detector create(DetectorParameters p) {
                return builder(rule).threads(p.threads())
                        .aggregation(TailAggregation.parse(p.stringValue("pyod", "aggregation")))
                        .build();
            }

            @Override
            public FittedDetector restore(DetectorState state) {
                return TailDetectorModel.fromState(state, rule);
            }
        };
    }

    @Override
    public String name() {
        return rule.detectorName();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aggregation", aggregation.label());
        return m;
    }

    /**
     * @throws IllegalArgumentException when {@code data} has no rows or columns or holds NaN or infinite values
     */
    @Override
    public TailDetectorModel fit(Matrix data) {
        return new TailDetectorModel(new TailModel(EmpiricalCdf.fit(data, threads), rule, aggregation, threads));
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private final TailRule rule;
        private TailAggregation aggregation = TailAggregation.PYOD;
        private int threads = ParallelLoop.defaultThreads();

        private Builder(TailRule rule) {
            this.rule = rule;
        }

        /** Per-dimension maximum as in PyOD (the default) or the paper's maximum of whole-row sums. */
        public Builder aggregation(TailAggregation aggregation) {
            this.aggregation = aggregation;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public TailDetector build() {
            if (rule == null) {
                throw new InvalidParameterException("rule", "rule must be ECOD or COPOD, got null");
            }
            if (aggregation == null) {
                throw new InvalidParameterException("aggregation", "aggregation must be pyod or paper, got null");
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new TailDetector(this);
        }
    }
}
