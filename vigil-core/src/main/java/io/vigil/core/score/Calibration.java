package io.vigil.core.score;

import java.util.Arrays;

/**
 * Conformal calibration (Vovk, Gammerman and Shafer, "Algorithmic Learning in a Random World", 2005; for anomaly
 * detection, Laxhammar and Falkman, "Conformal prediction for distribution-independent anomaly detection", 2011):
 * raw scores of held-out training rows the detector never saw. A new row's p-value is the share of those scores at
 * least as high as its own, (1 + #{c >= s}) / (n + 1). If the held-out rows and a normal new row are exchangeable,
 * P(p <= alpha) <= alpha: flagging rows with p at most alpha raises false alarms on at most an alpha share of
 * normal rows, whatever the detector.
 *
 * @param sortedScores the calibration rows' raw scores, ascending
 */
public record Calibration(double[] sortedScores) {

    public Calibration {
        if (sortedScores.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one score");
        }
        for (int i = 1; i < sortedScores.length; i++) {
            if (!(sortedScores[i - 1] <= sortedScores[i])) {
                throw new IllegalArgumentException("calibration scores must be ascending and not NaN");
            }
        }
    }

    public static Calibration of(double[] rawScores) {
        double[] sorted = rawScores.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (Double.isNaN(sorted[i])) {
                sorted[i] = Double.POSITIVE_INFINITY;
            }
        }
        Arrays.sort(sorted);
        return new Calibration(sorted);
    }

    public double pValue(double raw) {
        int n = sortedScores.length;
        if (Double.isNaN(raw)) {
            return 1.0 / (n + 1);
        }
        // First index whose score is >= raw.
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedScores[mid] < raw) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (1.0 + (n - lo)) / (n + 1.0);
    }

    public double[] pValues(double[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = pValue(raw[i]);
        }
        return out;
    }
}
