package io.vigil.core.iforest;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.random.Mt19937;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Isolation Forest (Liu, Ting and Zhou, ICDM 2008) with scikit-learn's defaults: 100 trees, each grown on
 * min(256, n) rows drawn without replacement, height limit ceil(log2(subsample)), and the score
 * 2^(-E[h(x)] / c(subsample)) where h is the path length plus c(leaf size).
 *
 * <p>A seed grows the forest scikit-learn's {@code IsolationForest(random_state=seed)} grows: the same per-tree
 * seeds, rows, features and thresholds, drawn from {@link Mt19937} as NumPy's legacy {@code RandomState} draws
 * them, so scores match scikit-learn's {@code -score_samples} to rounding. Every tree's seed is drawn up front, so a
 * seed gives the same forest, and the same scores, whatever the thread count.
 */
public final class IsolationForest implements Detector {
    public static final String NAME = "isolation_forest";
    /** NumPy's int32 maximum, scikit-learn's MAX_INT for per-tree seeds. */
    private static final long MAX_INT = Integer.MAX_VALUE;

    public static final DetectorFactory FACTORY = DetectorFactory.of(NAME,
            "Isolation Forest (Liu et al. 2008): random trees isolate anomalies in few splits",
            IsolationForest::fromParameters, IsolationForestModel::fromState);

    private static IsolationForest fromParameters(DetectorParameters p) {
        Builder b = builder().seed(p.seed()).threads(p.threads())
                .trees(p.intValue(100, "trees", "n_estimators"))
                .maxFeatures(p.doubleValue(1.0, "max_features"));
        Object samples = p.rawValue("sample_size", "max_samples");
        if (samples != null && !"auto".equals(samples.toString())) {
            b.sampleSize(p.intValue(256, "sample_size", "max_samples"));
        }
        return b.build();
    }

    private final int trees;
    private final int sampleSize;
    private final double maxFeatures;
    private final long seed;
    private final int threads;

    private IsolationForest(Builder b) {
        this.trees = b.trees;
        this.sampleSize = b.sampleSize;
        this.maxFeatures = b.maxFeatures;
        this.seed = b.seed;
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
        m.put("trees", trees);
        m.put("sample_size", sampleSize);
        m.put("max_features", maxFeatures);
        m.put("seed", seed);
        return m;
    }

    @Override
    public IsolationForestModel fit(Matrix data) {
        int n = data.rows();
        int d = data.cols();
        if (n == 0 || d == 0) {
            throw new IllegalArgumentException("cannot fit an isolation forest on " + n + " rows of " + d + " features");
        }
        int psi = Math.min(sampleSize, n);
        int maxDepth = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
        int featuresPerTree = maxFeatures <= 1.0
                ? Math.max(1, (int) (maxFeatures * d))
                : Math.min(d, (int) maxFeatures);
        // scikit-learn's BaseBagging: one seed per tree from RandomState(random_state); each tree's splitter seed
        // and its bag (features, then rows) come from fresh RandomStates on that seed.
        Mt19937 master = new Mt19937(seed);
        long[] treeSeeds = new long[trees];
        for (int t = 0; t < trees; t++) {
            treeSeeds[t] = master.randint(MAX_INT);
        }
        TreeGrower.Tree[] grown = new TreeGrower.Tree[trees];
        ParallelLoop.run(threads, trees, t -> {
            long splitterSeed = new Mt19937(treeSeeds[t]).randint(MAX_INT);
            int randState = (int) new Mt19937(splitterSeed).randint(0, TreeGrower.RAND_R_MAX);
            Mt19937 bag = new Mt19937(treeSeeds[t]);
            int[] features = Sampling.withoutReplacement(d, featuresPerTree, bag);
            int[] sample = Sampling.withoutReplacement(n, psi, bag);
            grown[t] = new TreeGrower(data, features, maxDepth, randState).grow(sample);
        });
        return IsolationForestModel.assemble(grown, psi, d, maxDepth, parameters(), threads);
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private int trees = 100;
        private int sampleSize = 256;
        private double maxFeatures = 1.0;
        private long seed;
        private int threads = ParallelLoop.defaultThreads();

        public Builder trees(int trees) {
            this.trees = trees;
            return this;
        }

        /** Rows per tree; the forest uses min(sampleSize, rows). */
        public Builder sampleSize(int sampleSize) {
            this.sampleSize = sampleSize;
            return this;
        }

        /** Features per tree: a fraction in (0, 1] of the columns, or a count above 1. */
        public Builder maxFeatures(double maxFeatures) {
            this.maxFeatures = maxFeatures;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public IsolationForest build() {
            if (trees <= 0) {
                throw new InvalidParameterException("trees", "trees must be greater than 0");
            }
            if (trees > 100_000) {
                throw new InvalidParameterException("trees", "trees must be at most 100000");
            }
            if (sampleSize <= 0) {
                throw new InvalidParameterException("sample_size", "sampleSize must be greater than 0");
            }
            if (!(maxFeatures > 0) || (maxFeatures > 1.0 && maxFeatures != Math.rint(maxFeatures))) {
                throw new InvalidParameterException("max_features",
                        "maxFeatures must be a fraction in (0, 1] or a whole number of features");
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new IsolationForest(this);
        }
    }
}
