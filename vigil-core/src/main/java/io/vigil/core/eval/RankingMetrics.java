package io.vigil.core.eval;

import io.vigil.core.ecdf.RadixSort;
import java.util.Arrays;

/**
 * Threshold-free ranking metrics; scores higher = more anomalous, labels true = anomaly. NaN scores rank lowest.
 * Both work on the positives' and the negatives' scores sorted apart (two primitive sorts, no index sort; a radix
 * sort for large inputs), walked together; {@link #of} sorts once for both.
 */
public final class RankingMetrics {
    /** From this many scores on, the linear-time radix sort beats the comparison sort. */
    private static final int RADIX_SORT = 1 << 16;

    private RankingMetrics() {
    }

    /** ROC-AUC and average precision from one split and sort. */
    public record Ranking(double rocAuc, double averagePrecision) {
    }

    public static Ranking of(double[] scores, boolean[] labels) {
        double[][] split = split(scores, labels);
        return new Ranking(rocAuc(split[0], split[1]), averagePrecision(split[0], split[1]));
    }

    /**
     * ROC-AUC as the Mann-Whitney statistic with tied scores counting half, which equals the trapezoidal area
     * scikit-learn's {@code roc_auc_score} computes.
     */
    public static double rocAuc(double[] scores, boolean[] labels) {
        double[][] split = split(scores, labels);
        return rocAuc(split[0], split[1]);
    }

    private static double rocAuc(double[] pos, double[] neg) {
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        double wins = 0;
        int j = 0; // negatives strictly below the current positive score, scanning ascending
        int k = 0; // negatives at most the current positive score
        for (double p : pos) {
            while (j < neg.length && neg[j] < p) {
                j++;
            }
            if (k < j) {
                k = j;
            }
            while (k < neg.length && neg[k] <= p) {
                k++;
            }
            wins += j + 0.5 * (k - j);
        }
        return wins / ((double) pos.length * neg.length);
    }

    /**
     * Average precision: the sum over distinct score thresholds of (R_k - R_{k-1}) * P_k, as scikit-learn's
     * {@code average_precision_score} (no interpolation).
     */
    public static double averagePrecision(double[] scores, boolean[] labels) {
        double[][] split = split(scores, labels);
        return averagePrecision(split[0], split[1]);
    }

    private static double averagePrecision(double[] pos, double[] neg) {
        if (pos.length == 0) {
            return Double.NaN;
        }
        int i = pos.length - 1;
        int j = neg.length - 1;
        long tp = 0;
        long fp = 0;
        double ap = 0;
        while (i >= 0 || j >= 0) {
            double t = Math.max(i >= 0 ? pos[i] : Double.NEGATIVE_INFINITY, j >= 0 ? neg[j] : Double.NEGATIVE_INFINITY);
            long newTp = 0;
            while (i >= 0 && pos[i] == t) {
                newTp++;
                i--;
            }
            while (j >= 0 && neg[j] == t) {
                fp++;
                j--;
            }
            tp += newTp;
            ap += (double) newTp / pos.length * ((double) tp / (tp + fp));
        }
        return ap;
    }

    /** Sorted scores of the positives and of the negatives; NaN becomes -infinity so it ranks lowest. */
    private static double[][] split(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels must have the same length");
        }
        int positives = 0;
        for (boolean l : labels) {
            if (l) {
                positives++;
            }
        }
        double[] pos = new double[positives];
        double[] neg = new double[scores.length - positives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < scores.length; i++) {
            double s = Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY : scores[i];
            if (labels[i]) {
                pos[p++] = s;
            } else {
                neg[q++] = s;
            }
        }
        sort(pos);
        sort(neg);
        return new double[][] {pos, neg};
    }

    private static void sort(double[] v) {
        if (v.length >= RADIX_SORT) {
            RadixSort.sort(v);
        } else {
            Arrays.sort(v);
        }
    }
}
