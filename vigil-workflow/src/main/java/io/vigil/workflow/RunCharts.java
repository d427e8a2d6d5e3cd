package io.vigil.workflow;

import java.util.List;

/**
 * Chart data for a run's results page, small whatever the dataset's size.
 *
 * @param histogram score histogram over 0..1 with the threshold
 * @param roc       ROC curve points (false positive rate, true positive rate), null without a label column
 * @param scatter   two chosen columns, a sample of rows with every flagged row included; null when not asked
 */
public record RunCharts(String run, Histogram histogram, List<RocPoint> roc, Scatter scatter) {

    public record Histogram(double threshold, List<Bin> bins) {
    }

    /** Rows with a score in [from, to) (the last bin includes 1.0), and how many of them are flagged. */
    public record Bin(double from, double to, long count, long anomalies) {
    }

    public record RocPoint(double fpr, double tpr) {
    }

    /**
     * @param xKind   the x column's kind ({@code numeric}, {@code boolean} or {@code temporal}); a temporal column's
     *                values are seconds since the epoch, which a chart should label as times
     * @param yKind   the same for y
     * @param total   rows in the dataset
     * @param sampled true when normal rows were thinned out to stay near the point budget
     */
    public record Scatter(String x, String y, String xKind, String yKind, long total, boolean sampled,
                          List<Point> points) {
    }

    public record Point(long index, Double x, Double y, boolean isAnomaly, double score) {
    }
}
