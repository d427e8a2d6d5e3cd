package io.vigil.workflow;

/**
 * How a run's flags and scores match the dataset's label column.
 *
 * @param rocAuc           area under the ROC curve of the scores; null when only one class is present
 * @param averagePrecision average precision of the scores; null without anomalies
 */
public record RunMetrics(String labelColumn, long positives, double precision, double recall, double f1,
                         Double rocAuc, Double averagePrecision, ConfusionMatrix confusionMatrix) {

    /** Counts of flagged and unflagged rows against their labels. */
    public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives,
                                  long falseNegatives) {
    }
}
