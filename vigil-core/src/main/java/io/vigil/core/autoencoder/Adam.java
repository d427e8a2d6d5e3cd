package io.vigil.core.autoencoder;

/**
 * Adam (Kingma and Ba, ICLR 2015, Algorithm 1) over one flat parameter array: bias-corrected first and second
 * moment estimates, update lr * m_hat / (sqrt(v_hat) + epsilon).
 */
final class Adam {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private int step;

    Adam(int parameters, double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[parameters];
        this.v = new double[parameters];
    }

    /** Moves {@code params} one step against {@code grad}. */
    void update(double[] params, double[] grad) {
        step++;
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        double b1 = beta1;
        double b2 = beta2;
        for (int k = 0; k < params.length; k++) {
            double g = grad[k];
            double mk = b1 * m[k] + (1 - b1) * g;
            double vk = b2 * v[k] + (1 - b2) * g * g;
            m[k] = mk;
            v[k] = vk;
            params[k] -= learningRate * (mk / correction1) / (Math.sqrt(vk / correction2) + epsilon);
        }
    }
}
