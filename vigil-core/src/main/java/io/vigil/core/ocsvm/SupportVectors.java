package io.vigil.core.ocsvm;

/**
 * The fitted decision function f(x) = sum_i coefficients[i] * exp(-gamma * |sv_i - x|^2) - rho.
 *
 * @param vectors the support vectors, row-major, {@code features} values each
 * @param coefficients the dual coefficient alpha_i of each support vector
 * @param rho the offset
 * @param gamma the RBF kernel width the vectors were fitted with
 * @param features values per support vector
 */
record SupportVectors(double[] vectors, double[] coefficients, double rho, double gamma, int features) {

    SupportVectors {
        if (features <= 0 || vectors.length != coefficients.length * features) {
            throw new IllegalArgumentException("one_class_svm has " + vectors.length + " support vector values for "
                    + coefficients.length + " coefficients of " + features + " features");
        }
        if (!(gamma > 0) || Double.isInfinite(gamma) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("one_class_svm needs a positive finite gamma and a finite rho, got gamma "
                    + gamma + " and rho " + rho);
        }
    }

    int count() {
        return coefficients.length;
    }

    /**
     * The decision value of the standardised row at {@code offset} of {@code x}, in the order LIBSVM's
     * {@code svm_predict_values} sums it, so the two agree to the last bit.
     */
    double decision(double[] x, int offset) {
        int d = features;
        double[] sv = vectors;
        double[] coef = coefficients;
        double g = gamma;
        double sum = 0;
        for (int i = 0, p = 0; i < coef.length; i++) {
            double dist = 0;
            for (int j = 0; j < d; j++, p++) {
                double diff = x[offset + j] - sv[p];
                dist += diff * diff;
            }
            sum += coef[i] * Math.exp(-g * dist);
        }
        return sum - rho;
    }
}
