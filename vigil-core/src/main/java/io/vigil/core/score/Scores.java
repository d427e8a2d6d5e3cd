package io.vigil.core.score;

/**
 * Scores of a batch of rows, index-aligned.
 *
 * @param raw the detector's own scores, higher = more anomalous
 * @param normalized scores mapped onto 0..1
 * @param anomalous whether each normalised score is above the threshold
 * @param threshold the threshold the flags were decided with
 */
public record Scores(double[] raw, double[] normalized, boolean[] anomalous, double threshold) {

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
}
