package io.vigil.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a detection run as one PNG: a heading line, then a grid of panels (score histogram with the threshold,
 * score by row, two features against each other, the ROC curve), each an XChart chart. Scatter panels draw every
 * flagged row and a seeded sample of the others, so a million rows stay legible and quick to draw.
 */
final class ResultCharts {
    /** Points drawn per scatter panel when few rows are flagged; flagged rows are always drawn on top. */
    static final int MAX_POINTS = 20_000;
    /** Normal rows drawn even when flagged rows alone exceed {@link #MAX_POINTS}, for context. */
    static final int MIN_NORMAL_POINTS = 5_000;
    /** Beyond this many flagged points, they are drawn translucent so the crowd beneath still shows. */
    private static final int SOLID_FLAGGED_POINTS = 5_000;
    private static final int BINS = 40;
    private static final double LOG_SPAN = 100;
    private static final int HEADING = 44;
    private static final Color NORMAL = new Color(70, 120, 180, 120);
    private static final Color NORMAL_SOLID = new Color(70, 120, 180);
    private static final Color FLAGGED = new Color(214, 39, 40);
    private static final Color THRESHOLD = new Color(40, 40, 40);
    private static final Color ROC = new Color(230, 120, 20);

    /** Two data columns to scatter, by name, with a value per row. */
    record Features(String xName, double[] x, String yName, double[] y) {
    }

    /**
     * What to draw.
     *
     * @param title     the heading's subject, such as the results file's name
     * @param scores    0..1 score per row
     * @param flagged   whether each row was flagged
     * @param threshold the score from which rows are flagged; NaN draws no threshold line
     * @param features  columns to scatter, or null for no scatter panel
     * @param labels    known labels per row, or null for no ROC panel
     */
    record Input(String title, double[] scores, boolean[] flagged, double threshold, Features features,
                 boolean[] labels) {
    }

    private ResultCharts() {
    }

    static byte[] png(Input in, int width, int height) throws IOException {
        int[] sample = sample(in.flagged());
        RocCurve roc = in.labels() == null ? null : RocCurve.of(in.scores(), in.labels());
        int count = 2 + (in.features() != null ? 1 : 0) + (roc != null ? 1 : 0);
        int cols = 2;
        int rows = (count + cols - 1) / cols;
        int w = width / cols;
        int h = (height - HEADING) / rows;
        List<XYChart> panels = new ArrayList<>();
        panels.add(histogram(in, w, h));
        panels.add(scoreByRow(in, sample, w, h));
        if (in.features() != null) {
            panels.add(features(in, sample, w, h));
        }
        if (roc != null) {
            panels.add(roc(roc, w, h));
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(30, 30, 30));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(heading(in, roc), 16, 29);
            for (int p = 0; p < panels.size(); p++) {
                g.drawImage(BitmapEncoder.getBufferedImage(panels.get(p)), p % cols * w, HEADING + p / cols * h,
                        null);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String heading(Input in, RocCurve roc) {
        int n = in.scores().length;
        int flagged = count(in.flagged());
        StringBuilder sb = new StringBuilder(in.title()).append(String.format(Locale.ROOT,
                ":  %,d rows,  %,d flagged (%.2f%%)", n, flagged, 100.0 * flagged / Math.max(1, n)));
        if (!Double.isNaN(in.threshold())) {
            sb.append(String.format(Locale.ROOT, ",  threshold %.4f", in.threshold()));
        }
        if (roc != null) {
            sb.append(String.format(Locale.ROOT, ",  ROC-AUC %.4f", roc.auc()));
        }
        return sb.toString();
    }

    private static XYChart histogram(Input in, int w, int h) {
        double[] scores = in.scores();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 0.5 : 0;
            hi = lo + 1;
        }
        double width = (hi - lo) / BINS;
        double[] edges = new double[BINS + 1];
        double[] normal = new double[BINS + 1];
        double[] flagged = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) {
            edges[b] = lo + b * width;
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                continue;
            }
            int b = Math.min(BINS - 1, (int) ((scores[i] - lo) / width));
            if (in.flagged()[i]) {
                flagged[b]++;
            } else {
                normal[b]++;
            }
        }
        double top = 0;
        for (int b = 0; b < BINS; b++) {
            top = Math.max(top, Math.max(normal[b], flagged[b]));
        }
        XYChart chart = chart("Score distribution", "anomaly score", "rows", w, h);
        area(chart, "normal", edges, normal, NORMAL_SOLID, NORMAL);
        area(chart, "flagged", edges, flagged, FLAGGED, new Color(214, 39, 40, 150));
        if (!Double.isNaN(in.threshold())) {
            XYSeries t = chart.addSeries(String.format(Locale.ROOT, "threshold %.4f", in.threshold()),
                    new double[] {in.threshold(), in.threshold()}, new double[] {0, top * 1.05});
            line(t, THRESHOLD, SeriesLines.DASH_DASH);
        }
        return chart;
    }

    private static XYChart scoreByRow(Input in, int[] sample, int w, int h) {
        XYChart chart = chart("Score by row", "row (input order)", "anomaly score", w, h);
        double[] rowIndex = new double[in.scores().length];
        for (int i = 0; i < rowIndex.length; i++) {
            rowIndex[i] = i;
        }
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        scatter(chart, rowIndex, in.scores(), in.flagged(), sample);
        legendBelow(chart);
        if (!Double.isNaN(in.threshold())) {
            XYSeries t = chart.addSeries(String.format(Locale.ROOT, "threshold %.4f", in.threshold()),
                    new double[] {0, Math.max(1, rowIndex.length - 1)}, new double[] {in.threshold(), in.threshold()});
            line(t, THRESHOLD, SeriesLines.DASH_DASH);
        }
        return chart;
    }

    private static XYChart features(Input in, int[] sample, int w, int h) {
        Features f = in.features();
        boolean logX = heavyTailed(f.x(), sample);
        boolean logY = heavyTailed(f.y(), sample);
        XYChart chart = chart(f.yName() + " against " + f.xName(), f.xName() + (logX ? " (log scale)" : ""),
                f.yName() + (logY ? " (log scale)" : ""), w, h);
        chart.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
        scatter(chart, f.x(), f.y(), in.flagged(), sample);
        legendBelow(chart);
        return chart;
    }

    private static XYChart roc(RocCurve roc, int w, int h) {
        XYChart chart = chart("ROC curve against the labels", "false positive rate", "true positive rate", w,
                h);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        line(chart.addSeries(String.format(Locale.ROOT, "ROC (AUC %.4f)", roc.auc()), roc.falsePositiveRate(),
                roc.truePositiveRate()), ROC, SeriesLines.SOLID).setLineWidth(2.5f);
        line(chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1}), Color.GRAY, SeriesLines.DASH_DASH);
        return chart;
    }

    private static XYChart chart(String title, String xTitle, String yTitle, int w, int h) {
        XYChart chart = new XYChartBuilder().width(w).height(h).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler()
                .setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15))
                .setLegendPosition(Styler.LegendPosition.InsideNE)
                .setLegendBackgroundColor(new Color(255, 255, 255, 220))
                .setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12))
                .setPlotBackgroundColor(Color.WHITE)
                .setPlotBorderColor(Color.LIGHT_GRAY)
                .setAntiAlias(true)
                .setChartPadding(12)
                .setToolTipsEnabled(false);
        chart.getStyler()
                .setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13))
                .setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11))
                .setPlotGridLinesColor(new Color(225, 225, 225))
                .setLocale(Locale.ROOT);
        chart.getStyler().setMarkerSize(4);
        return chart;
    }

    /**
     * Whether a column spans so many orders of magnitude (payload sizes, amounts) that a linear axis would squash
     * all but its largest values into one line: every drawn value positive and the largest at least
     * {@value #LOG_SPAN} times the median.
     */
    static boolean heavyTailed(double[] values, int[] sample) {
        double[] drawn = new double[sample.length];
        int n = 0;
        for (int i : sample) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                return false;
            }
            drawn[n++] = v;
        }
        if (n == 0) {
            return false;
        }
        java.util.Arrays.sort(drawn, 0, n);
        return drawn[n - 1] >= LOG_SPAN * drawn[n / 2];
    }

    /** Points fill a scatter's whole plot, so its legend goes underneath instead of over them. */
    private static void legendBelow(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
    }

    /** Sampled normal rows first, then every flagged row, so flags are drawn over the crowd. */
    private static void scatter(XYChart chart, double[] x, double[] y, boolean[] flagged, int[] sample) {
        int normals = 0;
        for (int i : sample) {
            normals += flagged[i] ? 0 : 1;
        }
        double[][] n = {new double[normals], new double[normals]};
        double[][] f = {new double[sample.length - normals], new double[sample.length - normals]};
        int a = 0;
        int b = 0;
        for (int i : sample) {
            if (flagged[i]) {
                f[0][b] = x[i];
                f[1][b++] = y[i];
            } else {
                n[0][a] = x[i];
                n[1][a++] = y[i];
            }
        }
        // XChart refuses empty series: a run that flagged nothing simply has no red points.
        if (normals > 0) {
            points(chart.addSeries(normals < count(flagged, false) ? "normal (sample)" : "normal", n[0], n[1]),
                    NORMAL);
        }
        if (f[0].length > 0) {
            points(chart.addSeries("flagged", f[0], f[1]), f[0].length > SOLID_FLAGGED_POINTS
                    ? new Color(214, 39, 40, 90) : FLAGGED);
        }
    }

    /** Row indices to draw: every flagged row, and a seeded sample of the rest up to the point budget. */
    static int[] sample(boolean[] flagged) {
        int flags = count(flagged);
        int normals = flagged.length - flags;
        int budget = Math.min(normals, Math.max(MIN_NORMAL_POINTS, MAX_POINTS - flags));
        int[] out = new int[flags + budget];
        SplittableRandom random = new SplittableRandom(0);
        int k = 0;
        int seen = 0;
        int taken = 0;
        for (int i = 0; i < flagged.length; i++) {
            if (flagged[i]) {
                out[k++] = i;
            } else {
                // Selection sampling (Knuth's algorithm S): each remaining row with the chance still needed.
                if (random.nextInt(normals - seen) < budget - taken) {
                    out[k++] = i;
                    taken++;
                }
                seen++;
            }
        }
        return out;
    }

    private static int count(boolean[] flags) {
        return flags.length - count(flags, false);
    }

    private static int count(boolean[] flags, boolean value) {
        int c = 0;
        for (boolean b : flags) {
            c += b == value ? 1 : 0;
        }
        return c;
    }

    /** A step area over the bins from the first to the last non-empty one, so empty tails draw no baseline. */
    private static void area(XYChart chart, String name, double[] edges, double[] counts, Color line, Color fill) {
        int from = 0;
        int to = BINS - 1;
        while (from < BINS && counts[from] == 0) {
            from++;
        }
        while (to >= from && counts[to] == 0) {
            to--;
        }
        if (from > to) {
            return;
        }
        double[] x = java.util.Arrays.copyOfRange(edges, from, to + 2);
        double[] y = java.util.Arrays.copyOfRange(counts, from, to + 2);
        // A step series needs the last bin's height repeated at its right edge.
        y[y.length - 1] = y[y.length - 2];
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(line);
        s.setFillColor(fill);
    }

    private static XYSeries line(XYSeries s, Color color, BasicStroke stroke) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    private static void points(XYSeries s, Color color) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
    }
}
