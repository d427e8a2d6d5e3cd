package io.vigil.core.ecdf;

/**
 * How PyOD turns one dimension's tail scores into that dimension's outlier score, given l = -log F_left(x),
 * r = -log F_right(x) and the sign s of the column's skewness. Both start from the skewness-corrected score, written
 * in PyOD as {@code l * -sign(s - 1) + r * sign(s + 1)}: r for right-skewed columns, l for left-skewed ones and, by
 * that formula, l + r for unskewed (or constant) columns.
 */
public enum TailRule {
    /** PyOD's ECOD: max(l, r, skewness-corrected). */
    ECOD {
        @Override
        public double combine(double left, double right, int skewSign) {
            return Math.max(Math.max(left, right), corrected(left, right, skewSign));
        }

        /** With a skewed column, max(l, r) is -log of the smaller probability: one logarithm, the same bits. */
        @Override
        double fromProbabilities(double pLeft, double pRight, int skewSign) {
            return skewSign != 0
                    ? 0.0 - Math.log(Math.min(pLeft, pRight))
                    : (0.0 - Math.log(pLeft)) + (0.0 - Math.log(pRight));
        }
    },
    /** PyOD's COPOD: max(skewness-corrected, (l + r) / 2), which its authors found to work slightly better. */
    COPOD {
        @Override
        public double combine(double left, double right, int skewSign) {
            return Math.max(corrected(left, right, skewSign), (left + right) / 2);
        }
    };

    /** The registry name of the detector that combines tails this way. */
    public String detectorName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** One dimension's outlier score from its tail scores l and r. */
    public abstract double combine(double left, double right, int skewSign);

    /** One dimension's outlier score from its tail probabilities F_left and F_right. */
    double fromProbabilities(double pLeft, double pRight, int skewSign) {
        return combine(0.0 - Math.log(pLeft), 0.0 - Math.log(pRight), skewSign);
    }

    static double corrected(double left, double right, int skewSign) {
        return skewSign > 0 ? right : skewSign < 0 ? left : left + right;
    }
}
