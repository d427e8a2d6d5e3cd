package io.vigil.core.eval;

import java.util.Arrays;

/**
 * Threshold-free ranking metrics; scores higher = more anomalous, labels true = anomaly. NaN scores rank lowest.
 * Both work on the positives' and the negatives' scores sorted apart (two primitive sorts, no index sort), walked
 * together from the highest score down.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /**
     * ROC-AUC as the Mann-Whitney statistic with tied scores counting half, which equals the trapezoidal area
     * scikit-learn's {@code roc_auc_score} computes.
     */
    public static double rocAuc(double[] scores, boolean[] labels) {
        double[][] split = split(scores, labels);
        double[] pos = split[0];
        double[] neg = split[1];
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
        double[] pos = split[0];
        double[] neg = split[1];
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
        Arrays.sort(pos);
        Arrays.sort(neg);
        return new double[][] {pos, neg};
    }
}
