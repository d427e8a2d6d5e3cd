package io.vigil.cli;

import io.vigil.core.eval.RankingMetrics;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The ROC curve of scores against known labels: one point per distinct score (tied scores move both rates at once,
 * as scikit-learn's {@code roc_curve} does), thinned to at most {@value #MAX_POINTS} points for drawing. The area is
 * computed from every row, not from the thinned points.
 */
record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double auc) {
    static final int MAX_POINTS = 2_000;

    static RocCurve of(double[] scores, boolean[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int positives = 0;
        for (boolean b : labels) {
            positives += b ? 1 : 0;
        }
        int negatives = n - positives;
        double[] fpr = new double[n + 1];
        double[] tpr = new double[n + 1];
        int points = 1;
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (labels[i]) {
                tp++;
            } else {
                fp++;
            }
            if (k == n - 1 || scores[order[k + 1]] != scores[i]) {
                fpr[points] = negatives == 0 ? 0 : (double) fp / negatives;
                tpr[points] = positives == 0 ? 0 : (double) tp / positives;
                points++;
            }
        }
        int kept = Math.min(points, MAX_POINTS);
        double[] x = new double[kept];
        double[] y = new double[kept];
        for (int j = 0; j < kept; j++) {
            // Evenly spaced over the points, the first (0, 0) and the last (1, 1) always among them.
            int k = kept == 1 ? 0 : (int) Math.round((double) j * (points - 1) / (kept - 1));
            x[j] = fpr[k];
            y[j] = tpr[k];
        }
        return new RocCurve(x, y, RankingMetrics.rocAuc(scores, labels));
    }
}
