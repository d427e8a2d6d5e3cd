package io.vigil.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The fixed charts of a run, computed once from its score arrays when it finishes: histogram and ROC curve. */
final class ScoreCharts {
    static final int BINS = 40;
    static final int ROC_POINTS = 200;

    private ScoreCharts() {
    }

    /** Scores over [0, 1] in equal bins; NaN counts as 1 (the most anomalous), out-of-range values are clamped. */
    static RunCharts.Histogram histogram(double[] normalized, boolean[] flags, double threshold) {
        long[] counts = new long[BINS];
        long[] flagged = new long[BINS];
        for (int i = 0; i < normalized.length; i++) {
            double v = Double.isNaN(normalized[i]) ? 1.0 : Math.max(0, Math.min(1, normalized[i]));
            int b = Math.min(BINS - 1, (int) (v * BINS));
            counts[b]++;
            if (flags[i]) {
                flagged[b]++;
            }
        }
        List<RunCharts.Bin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            bins.add(new RunCharts.Bin((double) b / BINS, (double) (b + 1) / BINS, counts[b], flagged[b]));
        }
        return new RunCharts.Histogram(threshold, bins);
    }

    /**
     * Up to about {@value #ROC_POINTS} points of the ROC curve from (0, 0) to (1, 1), at thresholds spread over the
     * score quantiles; null when only one class is present.
     */
    static List<RunCharts.RocPoint> roc(double[] scores, boolean[] labels) {
        int positives = 0;
        for (boolean l : labels) {
            positives += l ? 1 : 0;
        }
        int negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        for (int i = 0, p = 0, n = 0; i < labels.length; i++) {
            // NaN ranks lowest, as in RankingMetrics, so the curve and the run's roc_auc agree.
            double s = Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY : scores[i];
            if (labels[i]) {
                pos[p++] = s;
            } else {
                neg[n++] = s;
            }
        }
        Arrays.parallelSort(pos);
        Arrays.parallelSort(neg);
        // All scores in order, merged from the two sorted halves rather than sorted a third time.
        double[] all = new double[labels.length];
        for (int i = 0, p = 0, n = 0; i < all.length; i++) {
            all[i] = n >= negatives || (p < positives && pos[p] <= neg[n]) ? pos[p++] : neg[n++];
        }
        List<RunCharts.RocPoint> out = new ArrayList<>(ROC_POINTS + 2);
        out.add(new RunCharts.RocPoint(0, 0));
        double last = Double.NaN;
        for (int k = ROC_POINTS; k >= 0; k--) {
            double t = all[(int) ((long) (all.length - 1) * k / ROC_POINTS)];
            if (t == last) {
                continue;
            }
            last = t;
            out.add(new RunCharts.RocPoint((double) atLeast(neg, t) / negatives, (double) atLeast(pos, t) / positives));
        }
        RunCharts.RocPoint end = out.get(out.size() - 1);
        if (end.fpr() != 1 || end.tpr() != 1) {
            out.add(new RunCharts.RocPoint(1, 1));
        }
        return out;
    }

    /** How many of the ascending values are at least t. */
    private static int atLeast(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return sorted.length - lo;
    }
}
