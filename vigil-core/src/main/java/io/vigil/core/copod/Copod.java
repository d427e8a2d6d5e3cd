package io.vigil.core.copod;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.ecdf.EmpiricalCdf;
import io.vigil.core.ecdf.TailAggregation;
import io.vigil.core.ecdf.TailModel;
import io.vigil.core.ecdf.TailRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * COPOD (Li, Zhao, Botta, Ionescu and Hu, ICDM 2020): the empirical copula of the training data gives each value its
 * left tail probability F_left(x_j) (the ECDF of the column) and right tail probability F_right(x_j) (the ECDF of the
 * negated column); l = -log F_left and r = -log F_right. By default, as in PyOD, a row's score is the sum over
 * dimensions of max(skewness-corrected, (l + r) / 2), the skewness-corrected score taking the tail the column's
 * skewness points to; with {@code aggregation=paper} it is the paper's max(p_l, p_r, p_s) of whole-row sums.
 *
 * <p>Parameter-free apart from that choice. Fitting sorts each column once; scoring looks new rows up in the training
 * columns only (see {@link TailModel} for why that deliberately differs from PyOD's {@code decision_function}).
 */
public final class Copod implements Detector {
    public static final String NAME = "copod";

    public static final DetectorFactory FACTORY = new DetectorFactory() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "COPOD (Li et al. 2020): tail probabilities of the empirical copula, parameter-free";
        }

        @Override
        public Detector create(DetectorParameters p) {
            return builder().threads(p.threads())
                    .aggregation(TailAggregation.parse(p.stringValue("pyod", "aggregation")))
                    .build();
        }

        @Override
        public FittedDetector restore(DetectorState state) {
            return CopodModel.fromState(state);
        }
    };

    private final TailAggregation aggregation;
    private final int threads;

    private Copod(Builder b) {
        this.aggregation = b.aggregation;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
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
    public CopodModel fit(Matrix data) {
        return new CopodModel(new TailModel(EmpiricalCdf.fit(data, threads), TailRule.COPOD, aggregation, threads));
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private TailAggregation aggregation = TailAggregation.PYOD;
        private int threads = ParallelLoop.defaultThreads();

        /** Per-dimension maximum as in PyOD (the default) or the paper's maximum of whole-row sums. */
        public Builder aggregation(TailAggregation aggregation) {
            this.aggregation = aggregation;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Copod build() {
            if (aggregation == null) {
                throw new InvalidParameterException("aggregation", "aggregation must be pyod or paper, got null");
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new Copod(this);
        }
    }
}
