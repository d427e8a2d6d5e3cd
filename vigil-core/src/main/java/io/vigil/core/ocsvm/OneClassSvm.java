package io.vigil.core.ocsvm;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.standardize.Standardization;
import libsvm.DenseOneClassSolver;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One-class SVM (Schölkopf et al., Neural Computation 2001) with an RBF kernel, trained by LIBSVM as scikit-learn's
 * {@code OneClassSVM} is: {@code nu} bounds the fraction of training rows left outside the estimated support (it
 * defaults to the contamination), {@code tol} 1e-3, a 200 MB kernel cache and shrinking.
 *
 * <p>Features are standardised first (the scaler is part of the model) because the RBF kernel compares raw
 * distances. {@code gamma} defaults to scikit-learn's {@code "scale"}, 1 / (d * var(X)) over every standardised
 * value; {@code "auto"} is 1 / d. The raw score is minus scikit-learn's {@code decision_function}: rho minus the
 * kernel expansion, positive outside the support.
 *
 * <p>LIBSVM's solver is deterministic and single-threaded; scoring runs on {@code threads} threads.
 */
public final class OneClassSvm implements Detector {
    public static final String NAME = "one_class_svm";
    static final String GAMMA_SCALE = "scale";
    static final String GAMMA_AUTO = "auto";

    public static final DetectorFactory FACTORY = new DetectorFactory() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "One-class SVM (Schölkopf et al. 2001): an RBF-kernel boundary around the bulk of the data";
        }

        @Override
        public Detector create(DetectorParameters p) {
            Builder b = builder().threads(p.threads())
                    .nu(p.doubleValue(p.contamination(), "nu"))
                    .tol(p.doubleValue(1e-3, "tol", "tolerance"))
                    .cacheSizeMb(p.doubleValue(200, "cache_size"))
                    .shrinking(p.booleanValue(true, "shrinking"));
            Object gamma = p.rawValue("gamma");
            if (gamma instanceof String s && isRule(s)) {
                b.gamma(s);
            } else if (gamma != null) {
                b.gamma(p.doubleValue(0, "gamma"));
            }
            return b.build();
        }

        @Override
        public FittedDetector restore(DetectorState state) {
            return OneClassSvmModel.fromState(state);
        }
    };

    private final double nu;
    private final String gammaRule;
    private final double gamma;
    private final double tol;
    private final double cacheSizeMb;
    private final boolean shrinking;
    private final int threads;

    private OneClassSvm(Builder b) {
        this.nu = b.nu;
        this.gammaRule = b.gammaRule;
        this.gamma = b.gamma;
        this.tol = b.tol;
        this.cacheSizeMb = b.cacheSizeMb;
        this.shrinking = b.shrinking;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static boolean isRule(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.equals(GAMMA_SCALE) || t.equals(GAMMA_AUTO);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nu", nu);
        m.put("gamma", gammaRule != null ? gammaRule : (Object) gamma);
        m.put("tol", tol);
        m.put("cache_size", cacheSizeMb);
        m.put("shrinking", shrinking);
        return m;
    }

    @Override
    public OneClassSvmModel fit(Matrix data) {
        int n = data.rows();
        int d = data.cols();
        if (n == 0 || d == 0) {
            throw new IllegalArgumentException("cannot fit a one-class SVM on " + n + " rows of " + d + " features");
        }
        Standardization scaling = Standardization.fit(data);
        Matrix z = scaling.apply(data);
        double g = resolveGamma(z);
        DenseOneClassSolver.Solution solution = DenseOneClassSolver.solve(z.values(), n, d, nu, g, tol, cacheSizeMb,
                shrinking, threads);
        return new OneClassSvmModel(supportVectors(solution, z.values(), d, g), scaling, parameters(), threads);
    }

    /** The rows with a non-zero dual coefficient, in row order, as LIBSVM's svm_train keeps them. */
    private static SupportVectors supportVectors(DenseOneClassSolver.Solution solution, double[] z, int d, double g) {
        double[] alpha = solution.alpha();
        int count = 0;
        for (double a : alpha) {
            if (Math.abs(a) > 0) {
                count++;
            }
        }
        double[] vectors = new double[count * d];
        double[] coef = new double[count];
        for (int i = 0, k = 0; i < alpha.length; i++) {
            if (Math.abs(alpha[i]) > 0) {
                System.arraycopy(z, i * d, vectors, k * d, d);
                coef[k++] = alpha[i];
            }
        }
        return new SupportVectors(vectors, coef, solution.rho(), g, d);
    }

    /** scikit-learn's gamma rules, applied to the standardised rows. */
    private double resolveGamma(Matrix z) {
        int d = z.cols();
        if (gammaRule == null) {
            return gamma;
        }
        if (gammaRule.equals(GAMMA_AUTO)) {
            return 1.0 / d;
        }
        double[] x = z.values();
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double var = ss / x.length;
        return var != 0 ? 1.0 / (d * var) : 1.0;
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private double nu = 0.1;
        private String gammaRule = GAMMA_SCALE;
        private double gamma = Double.NaN;
        private double tol = 1e-3;
        private double cacheSizeMb = 200;
        private boolean shrinking = true;
        private int threads = ParallelLoop.defaultThreads();

        /** Upper bound on the fraction of training rows outside the support, lower bound on support vectors. */
        public Builder nu(double nu) {
            this.nu = nu;
            return this;
        }

        /** A fixed RBF width for the standardised features. */
        public Builder gamma(double gamma) {
            this.gammaRule = null;
            this.gamma = gamma;
            return this;
        }

        /** {@code "scale"} (1 / (d * var)), {@code "auto"} (1 / d) or a number. */
        public Builder gamma(String gamma) {
            String t = gamma.trim().toLowerCase(Locale.ROOT);
            if (isRule(t)) {
                this.gammaRule = t;
                this.gamma = Double.NaN;
                return this;
            }
            try {
                return gamma(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("gamma", "gamma must be 'scale', 'auto' or a number, got '"
                        + gamma + "'");
            }
        }

        /** LIBSVM's stopping tolerance on the KKT conditions. */
        public Builder tol(double tol) {
            this.tol = tol;
            return this;
        }

        public Builder cacheSizeMb(double cacheSizeMb) {
            this.cacheSizeMb = cacheSizeMb;
            return this;
        }

        public Builder shrinking(boolean shrinking) {
            this.shrinking = shrinking;
            return this;
        }

        /** Threads for scoring; training is single-threaded. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public OneClassSvm build() {
            if (!(nu > 0) || nu > 1) {
                throw new InvalidParameterException("nu", "nu must be in (0, 1]");
            }
            if (gammaRule == null && (!(gamma > 0) || Double.isInfinite(gamma))) {
                throw new InvalidParameterException("gamma", "gamma must be greater than 0");
            }
            if (!(tol > 0) || Double.isInfinite(tol)) {
                throw new InvalidParameterException("tol", "tol must be greater than 0");
            }
            if (!(cacheSizeMb > 0) || Double.isInfinite(cacheSizeMb)) {
                throw new InvalidParameterException("cache_size", "cacheSize must be greater than 0");
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new OneClassSvm(this);
        }
    }
}
