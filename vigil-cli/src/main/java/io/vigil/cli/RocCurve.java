package io.vigil.cli;

import io.vigil.core.eval.RankingMetrics;
import java.util.Arrays;

/**
 * The ROC curve of scores against known labels: one point per distinct score (tied scores move both rates at once,
 * as scikit-learn's {@code roc_curve} does), thinned to at most {@value #MAX_POINTS} points for drawing. The area is
 * computed from every row, not from the thinned points.
 */
record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double auc) {
    static final int MAX_POINTS = 2_000;

    static RocCurve of(double[] scores, boolean[] labels) {
        int positives = 0;
        for (boolean b : labels) {
            positives += b ? 1 : 0;
        }
        int negatives = labels.length - positives;
        // The two groups' scores sorted apart (primitive sorts), then walked together from the highest score down.
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        for (int i = 0, p = 0, q = 0; i < scores.length; i++) {
            double v = Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY : scores[i];
            if (labels[i]) {
                pos[p++] = v;
            } else {
                neg[q++] = v;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] fpr = new double[scores.length + 1];
        double[] tpr = new double[scores.length + 1];
        int points = 1;
        int p = positives;
        int q = negatives;
        while (p > 0 || q > 0) {
            double t = Math.max(p > 0 ? pos[p - 1] : Double.NEGATIVE_INFINITY,
                    q > 0 ? neg[q - 1] : Double.NEGATIVE_INFINITY);
            while (p > 0 && pos[p - 1] == t) {
                p--;
            }
            while (q > 0 && neg[q - 1] == t) {
                q--;
            }
            fpr[points] = negatives == 0 ? 0 : (double) (negatives - q) / negatives;
            tpr[points] = positives == 0 ? 0 : (double) (positives - p) / positives;
            points++;
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
