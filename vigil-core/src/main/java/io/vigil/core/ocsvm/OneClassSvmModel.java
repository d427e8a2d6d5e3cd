package io.vigil.core.ocsvm;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.standardize.Standardization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted one-class SVM: the feature scaling plus the support vectors, their coefficients, rho and gamma in flat
 * arrays. Immutable and safe to score from many threads.
 */
public final class OneClassSvmModel implements FittedDetector {
    static final int STATE_VERSION = 1;
    /** Rows standardised and scored together, so the scratch copy stays small and cache-resident. */
    private static final int BLOCK = 256;

    private final SupportVectors supportVectors;
    private final Standardization scaling;
    private final Map<String, Object> parameters;
    private final int threads;

    OneClassSvmModel(SupportVectors supportVectors, Standardization scaling, Map<String, Object> parameters,
                     int threads) {
        if (scaling.features() != supportVectors.features()) {
            throw new IllegalArgumentException("one_class_svm scaling has " + scaling.features()
                    + " features but the support vectors have " + supportVectors.features());
        }
        this.supportVectors = supportVectors;
        this.scaling = scaling;
        this.parameters = Map.copyOf(parameters);
        this.threads = threads;
    }

    static OneClassSvmModel fromState(DetectorState s) {
        s.requireVersion(OneClassSvm.NAME, STATE_VERSION);
        Map<String, Object> params = new LinkedHashMap<>(s.parameters());
        params.remove("fitted_gamma");
        params.remove("rho");
        params.remove("features");
        params.remove("support_vector_count");
        int d = s.intParameter("features");
        SupportVectors sv = new SupportVectors(s.doubles("support_vectors"), s.doubles("coefficients"),
                s.doubleParameter("rho"), s.doubleParameter("fitted_gamma"), d);
        Standardization scaling = new Standardization(s.doubles("means"), s.doubles("scales"));
        return new OneClassSvmModel(sv, scaling, params, ParallelLoop.defaultThreads());
    }

    @Override
    public String detectorName() {
        return OneClassSvm.NAME;
    }

    @Override
    public int features() {
        return supportVectors.features();
    }

    /** The RBF width the model was fitted with, after resolving {@code "scale"} or {@code "auto"}. */
    public double gamma() {
        return supportVectors.gamma();
    }

    public double rho() {
        return supportVectors.rho();
    }

    public int supportVectorCount() {
        return supportVectors.count();
    }

    public Standardization scaling() {
        return scaling;
    }

    /** rho - sum_i alpha_i K(sv_i, x): minus scikit-learn's {@code decision_function}, positive outside. */
    @Override
    public double[] score(Matrix rows) {
        double[] out = decisionFunction(rows);
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return out;
    }

    /** scikit-learn's {@code decision_function}: positive inside the estimated support, negative outside. */
    public double[] decisionFunction(Matrix rows) {
        int d = features();
        if (rows.cols() != d) {
            throw new IllegalArgumentException("rows have " + rows.cols() + " features, the model expects " + d);
        }
        int n = rows.rows();
        double[] out = new double[n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] x = rows.values();
        ParallelLoop.run(threads, blocks, b -> {
            int from = b * BLOCK;
            int count = Math.min(n, from + BLOCK) - from;
            double[] z = new double[count * d];
            scaling.applyRows(x, from, count, z, 0);
            for (int i = 0; i < count; i++) {
                out[from + i] = supportVectors.decision(z, i * d);
            }
        });
        return out;
    }

    @Override
    public DetectorState state() {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put("fitted_gamma", supportVectors.gamma());
        p.put("rho", supportVectors.rho());
        p.put("features", features());
        p.put("support_vector_count", supportVectors.count());
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("support_vectors", supportVectors.vectors());
        arrays.put("coefficients", supportVectors.coefficients());
        arrays.put("means", scaling.means());
        arrays.put("scales", scaling.scales());
        return new DetectorState(OneClassSvm.NAME, STATE_VERSION, p, arrays);
    }

    SupportVectors supportVectors() {
        return supportVectors;
    }
}
