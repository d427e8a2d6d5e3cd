package io.vigil.core.ecod;

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
 * ECOD (Li, Zhao, Hu, Botta, Ionescu and Chen, IEEE TKDE 2022): a row is anomalous when its values sit deep in the
 * tails of the per-dimension empirical distributions. For each dimension j, with F_left the ECDF of the training
 * column and F_right that of its negation, the dimension scores are l = -log F_left(x_j) and r = -log F_right(x_j);
 * by default, as in PyOD, the row's score is the sum over dimensions of max(l, r, skewness-corrected), where the
 * skewness-corrected score picks the tail the column's skewness points to. With {@code aggregation=paper} it is the
 * paper's max(O_left, O_right, O_auto) of whole-row sums instead.
 *
 * <p>Parameter-free apart from that choice. Fitting sorts each column once; scoring looks new rows up in the training
 * columns only (see {@link TailModel} for why that deliberately differs from PyOD's {@code decision_function}).
 */
public final class Ecod implements Detector {
    public static final String NAME = "ecod";

    public static final DetectorFactory FACTORY = new DetectorFactory() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "ECOD (Li et al. 2022): tail probabilities of per-dimension empirical CDFs, parameter-free";
        }

        @Override
        public Detector create(DetectorParameters p) {
            return builder().threads(p.threads())
                    .aggregation(TailAggregation.parse(p.stringValue("pyod", "aggregation")))
                    .build();
        }

        @Override
        public FittedDetector restore(DetectorState state) {
            return EcodModel.fromState(state);
        }
    };

    private final TailAggregation aggregation;
    private final int threads;

    private Ecod(Builder b) {
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
    public EcodModel fit(Matrix data) {
        return new EcodModel(new TailModel(EmpiricalCdf.fit(data, threads), TailRule.ECOD, aggregation, threads));
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

        public Ecod build() {
            if (aggregation == null) {
                throw new InvalidParameterException("aggregation", "aggregation must be pyod or paper, got null");
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new Ecod(this);
        }
    }
}
