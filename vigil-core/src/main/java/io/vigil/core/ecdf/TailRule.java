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
    },
    /** PyOD's COPOD: max(skewness-corrected, (l + r) / 2), which its authors found to work slightly better. */
    COPOD {
        @Override
        public double combine(double left, double right, int skewSign) {
            return Math.max(corrected(left, right, skewSign), (left + right) / 2);
        }
    };

    /** One dimension's outlier score. */
    public abstract double combine(double left, double right, int skewSign);

    static double corrected(double left, double right, int skewSign) {
        return skewSign > 0 ? right : skewSign < 0 ? left : left + right;
    }
}
