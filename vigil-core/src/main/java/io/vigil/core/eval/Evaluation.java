package io.vigil.core.eval;

/**
 * How well scores and flags match labels (true = anomaly).
 *
 * @param rocAuc area under the ROC curve of the scores (NaN when only one class is present)
 * @param averagePrecision average precision of the scores, scikit-learn's definition (NaN without positives)
 * @param truePositives flagged anomalies
 * @param falsePositives flagged normal rows
 * @param trueNegatives normal rows left unflagged
 * @param falseNegatives anomalies left unflagged
 */
public record Evaluation(double rocAuc, double averagePrecision, long truePositives, long falsePositives,
                         long trueNegatives, long falseNegatives) {

    public double precision() {
        long flagged = truePositives + falsePositives;
        return flagged == 0 ? 0.0 : (double) truePositives / flagged;
    }

    public double recall() {
        long positives = truePositives + falseNegatives;
        return positives == 0 ? 0.0 : (double) truePositives / positives;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Evaluates scores (higher = more anomalous) and flags against labels. */
    public static Evaluation of(double[] scores, boolean[] flags, boolean[] labels) {
        if (scores.length != labels.length || flags.length != labels.length) {
            throw new IllegalArgumentException("scores, flags and labels must have the same length");
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (flags[i]) {
                if (labels[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (labels[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        RankingMetrics.Ranking ranking = RankingMetrics.of(scores, labels);
        return new Evaluation(ranking.rocAuc(), ranking.averagePrecision(), tp, fp, tn, fn);
    }
}
