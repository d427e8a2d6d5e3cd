package io.vigil.core.score;

/**
 * Scores of a batch of rows, index-aligned.
 *
 * @param raw the detector's own scores, higher = more anomalous
 * @param normalized scores mapped onto 0..1
 * @param anomalous whether each row is flagged
 * @param threshold the 0..1 threshold the flags were decided with (NaN when they came from p-values)
 * @param pValues conformal p-values (low = anomalous), or null when the model is not calibrated
 */
public record Scores(double[] raw, double[] normalized, boolean[] anomalous, double threshold, double[] pValues) {

    public Scores(double[] raw, double[] normalized, boolean[] anomalous, double threshold) {
        this(raw, normalized, anomalous, threshold, null);
    }

    public int size() {
        return raw.length;
    }

    public int anomalyCount() {
        int c = 0;
        for (boolean b : anomalous) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** The same scores flagged by p-value instead: a row is anomalous when its p-value is at most alpha. */
    public Scores flaggedByPValue(double alpha) {
        if (pValues == null) {
            throw new IllegalStateException("these scores have no p-values: the model is not calibrated");
        }
        boolean[] flags = new boolean[pValues.length];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = pValues[i] <= alpha;
        }
        return new Scores(raw, normalized, flags, Double.NaN, pValues);
    }
}
