package io.vigil.core.eval;

/** Threshold-free ranking metrics; scores higher = more anomalous, labels true = anomaly. NaN scores rank lowest. */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /**
     * ROC-AUC as the Mann-Whitney statistic with tied scores sharing their average rank, which equals the
     * trapezoidal area scikit-learn's {@code roc_auc_score} computes.
     */
    public static double rocAuc(double[] scores, boolean[] labels) {
        int n = scores.length;
        int[] order = descending(scores);
        long positives = 0;
        for (boolean l : labels) {
            if (l) {
                positives++;
            }
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        // Walk from the highest score down: each positive outranks the negatives below it; ties count half.
        double wins = 0;
        long negativesBelow = negatives;
        int i = 0;
        while (i < n) {
            int j = i;
            long pos = 0;
            long neg = 0;
            while (j < n && same(scores[order[j]], scores[order[i]])) {
                if (labels[order[j]]) {
                    pos++;
                } else {
                    neg++;
                }
                j++;
            }
            negativesBelow -= neg;
            wins += pos * (negativesBelow + 0.5 * neg);
            i = j;
        }
        return wins / ((double) positives * negatives);
    }

    /**
     * Average precision: sum over distinct score thresholds of (R_k - R_{k-1}) * P_k, as scikit-learn's
     * {@code average_precision_score} (no interpolation).
     */
    public static double averagePrecision(double[] scores, boolean[] labels) {
        int n = scores.length;
        int[] order = descending(scores);
        long positives = 0;
        for (boolean l : labels) {
            if (l) {
                positives++;
            }
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long seen = 0;
        double lastRecall = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && same(scores[order[j]], scores[order[i]])) {
                if (labels[order[j]]) {
                    tp++;
                }
                seen++;
                j++;
            }
            double recall = (double) tp / positives;
            double precision = (double) tp / seen;
            ap += (recall - lastRecall) * precision;
            lastRecall = recall;
            i = j;
        }
        return ap;
    }

    private static boolean same(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }

    /** Indices sorted by score, highest first, NaN last. */
    static int[] descending(double[] scores) {
        int n = scores.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            key[i] = Double.isNaN(scores[i]) ? Double.POSITIVE_INFINITY : -scores[i];
        }
        sortByKey(idx, key);
        return idx;
    }

    /** Sorts idx by key ascending (stable enough for ties: ties are grouped by value anyway). */
    private static void sortByKey(int[] idx, double[] key) {
        int n = idx.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = key[idx[i]];
        }
        mergeSort(idx, k, new int[n], new double[n], 0, n);
    }

    private static void mergeSort(int[] idx, double[] k, int[] tmpIdx, double[] tmpK, int lo, int hi) {
        if (hi - lo < 32) {
            for (int i = lo + 1; i < hi; i++) {
                double kv = k[i];
                int iv = idx[i];
                int j = i - 1;
                while (j >= lo && k[j] > kv) {
                    k[j + 1] = k[j];
                    idx[j + 1] = idx[j];
                    j--;
                }
                k[j + 1] = kv;
                idx[j + 1] = iv;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(idx, k, tmpIdx, tmpK, lo, mid);
        mergeSort(idx, k, tmpIdx, tmpK, mid, hi);
        if (k[mid - 1] <= k[mid]) {
            return;
        }
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
            if (k[j] < k[i]) {
                tmpK[o] = k[j];
                tmpIdx[o++] = idx[j++];
            } else {
                tmpK[o] = k[i];
                tmpIdx[o++] = idx[i++];
            }
        }
        while (i < mid) {
            tmpK[o] = k[i];
            tmpIdx[o++] = idx[i++];
        }
        while (j < hi) {
            tmpK[o] = k[j];
            tmpIdx[o++] = idx[j++];
        }
        System.arraycopy(tmpK, lo, k, lo, hi - lo);
        System.arraycopy(tmpIdx, lo, idx, lo, hi - lo);
    }
}
