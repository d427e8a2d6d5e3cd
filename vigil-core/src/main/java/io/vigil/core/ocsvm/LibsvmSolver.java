package io.vigil.core.ocsvm;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/** Runs LIBSVM's ONE_CLASS solver with an RBF kernel and reads the support vectors back into flat arrays. */
final class LibsvmSolver {

    static {
        // LIBSVM prints its optimisation trace to stdout through one global hook; a library must stay quiet.
        svm.svm_set_print_string_function(s -> {
        });
    }

    private LibsvmSolver() {
    }

    /** The settings scikit-learn hands LIBSVM for {@code OneClassSVM(kernel="rbf")}. */
    static svm_parameter parameters(double nu, double gamma, double tol, double cacheSizeMb, boolean shrinking) {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.ONE_CLASS;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = gamma;
        p.nu = nu;
        p.eps = tol;
        p.cache_size = cacheSizeMb;
        p.shrinking = shrinking ? 1 : 0;
        p.probability = 0;
        p.degree = 3;
        p.coef0 = 0;
        p.C = 1;
        p.p = 0.1;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        return p;
    }

    /** LIBSVM's dense-as-sparse row: every feature, 1-based indices, zeros included. */
    static svm_node[] nodes(double[] x, int offset, int d) {
        svm_node[] row = new svm_node[d];
        for (int j = 0; j < d; j++) {
            svm_node node = new svm_node();
            node.index = j + 1;
            node.value = x[offset + j];
            row[j] = node;
        }
        return row;
    }

    static svm_problem problem(double[] x, int n, int d) {
        svm_problem prob = new svm_problem();
        prob.l = n;
        prob.y = new double[n];
        java.util.Arrays.fill(prob.y, 1.0);
        prob.x = new svm_node[n][];
        for (int i = 0; i < n; i++) {
            prob.x[i] = nodes(x, i * d, d);
        }
        return prob;
    }

    static svm_model train(svm_problem prob, svm_parameter param) {
        String error = svm.svm_check_parameter(prob, param);
        if (error != null) {
            throw new IllegalArgumentException("LIBSVM rejected the one_class_svm settings: " + error);
        }
        return svm.svm_train(prob, param);
    }

    /** Copies a trained model's support vectors, coefficients and rho into flat arrays. */
    static SupportVectors supportVectors(svm_model model, int d, double gamma) {
        int l = model.l;
        double[] vectors = new double[l * d];
        double[] coef = new double[l];
        for (int i = 0; i < l; i++) {
            for (svm_node node : model.SV[i]) {
                vectors[i * d + node.index - 1] = node.value;
            }
            coef[i] = model.sv_coef[0][i];
        }
        return new SupportVectors(vectors, coef, model.rho[0], gamma, d);
    }
}
