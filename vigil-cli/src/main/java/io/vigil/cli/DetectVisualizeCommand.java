package io.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.data.Column;
import io.vigil.core.data.CsvReader;
import io.vigil.core.data.Table;
import io.vigil.core.json.JsonSyntax;
import io.vigil.core.modelfile.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil detect visualize}: charts of a {@code detect run} results file as one PNG. */
@Command(name = "visualize", mixinStandardHelpOptions = true,
        description = {"Draw the results of vigil detect run as one PNG: the score histogram with the threshold, "
                + "scores by row, two features of the data coloured by flag (with --data), and the ROC curve "
                + "(when the data has a label column).",
                "The threshold is read from --summary when given, else it is the lowest score among flagged rows."})
final class DetectVisualizeCommand implements Callable<Integer> {
    static final int MIN_SIZE = 300;
    static final int MAX_SIZE = 10_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "RESULTS.csv",
            description = "Results written by vigil detect run --output (index,score,raw_score,is_anomaly).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "CHARTS.png", description = "PNG file to write.")
    Path output;

    @Option(names = "--data", paramLabel = "DATA.csv", description = "The CSV file the results were computed "
            + "from, same rows in the same order: adds a scatter of two of its numeric columns, and the ROC curve "
            + "when it has a label column.")
    Path data;

    @Option(names = "--x", paramLabel = "COL", description = "Numeric column of --data for the scatter's x axis "
            + "(default: the column that differs most between flagged and other rows).")
    String x;

    @Option(names = "--y", paramLabel = "COL", description = "Numeric column of --data for the scatter's y axis "
            + "(default: the next most different column).")
    String y;

    @Option(names = "--label", paramLabel = "COL", description = "Column of --data with known labels (1/true = "
            + "anomaly) for the ROC curve (default: a column named label, when there is one).")
    String label;

    @Option(names = "--summary", paramLabel = "SUMMARY.json", description = "A run summary in JSON with the "
            + "threshold (a top-level threshold field, or summary.threshold); default: the lowest score among "
            + "flagged rows.")
    Path summary;

    @Option(names = "--width", defaultValue = "1600", paramLabel = "PX", description = "Image width in pixels "
            + "(default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1100", paramLabel = "PX", description = "Image height in pixels "
            + "(default: ${DEFAULT-VALUE}).")
    int height;

    @Override
    public Integer call() throws Exception {
        // Charts draw off-screen; without this, AWT looks for a display on desktops and servers alike.
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = spec.commandLine().getOut();
        checkSize("--width", width);
        checkSize("--height", height);
        if (Files.isDirectory(output)) {
            throw new UserInputException("--output " + output + " is a directory; give a file name such as "
                    + "charts.png");
        }
        if (data == null) {
            for (String[] needsData : new String[][] {{"--x", x}, {"--y", y}, {"--label", label}}) {
                if (needsData[1] != null) {
                    throw new UserInputException(needsData[0] + " names a column of the data file; give --data too");
                }
            }
        }
        Table results = CsvReader.read(requireFile(input, "--input"));
        double[] scores = resultColumn(results, "score");
        boolean[] flagged = flags(results);
        double threshold = summary != null ? summaryThreshold() : lowestFlaggedScore(scores, flagged);
        ResultCharts.Features features = null;
        boolean[] labels = null;
        List<String> panels = new ArrayList<>(List.of("score histogram", "score by row"));
        if (data != null) {
            Table table = CsvReader.read(requireFile(data, "--data"));
            if (table.rows() != results.rows()) {
                throw new UserInputException("--data " + data + " has " + table.rows() + " rows but --input "
                        + input + " has " + results.rows() + "; give the data file the results were computed from");
            }
            String labelColumn = label;
            if (labelColumn != null) {
                requireColumn(table, labelColumn, "--label");
            } else if (table.column("label") != null) {
                labelColumn = "label";
            }
            if (labelColumn != null) {
                labels = Labels.parse(table.column(labelColumn), "--label", data);
            }
            features = features(table, labelColumn, flagged);
            if (features != null) {
                panels.add(features.yName() + " against " + features.xName());
            } else {
                out.println("note: " + data + " has fewer than two numeric columns to scatter; that panel is left "
                        + "out");
            }
        }
        byte[] png = ResultCharts.png(new ResultCharts.Input(input.getFileName().toString(), scores, flagged,
                threshold, features, labels), width, height);
        AtomicFiles.write(output, png);
        if (labels != null) {
            panels.add("ROC curve");
        }
        out.printf(Locale.ROOT, "wrote %s (%dx%d): %s%n", output, width, height, String.join(", ", panels));
        if (!Double.isNaN(threshold)) {
            out.printf(Locale.ROOT, "threshold %.4f (%s)%n", threshold, summary != null ? "from " + summary
                    : "lowest score among flagged rows");
        }
        out.flush();
        return 0;
    }

    private static void checkSize(String option, int pixels) {
        if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
            throw new UserInputException(option + " must be between " + MIN_SIZE + " and " + MAX_SIZE
                    + " pixels, got " + pixels);
        }
    }

    private static Path requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(option + " " + file + ": " + (Files.isDirectory(file) ? "is a directory"
                    : "file not found") + "; check the path");
        }
        return file;
    }

    /** Rows are flagged from the threshold up, so the lowest flagged score is where it stood; NaN if none is. */
    private static double lowestFlaggedScore(double[] scores, boolean[] flagged) {
        double lowest = Double.NaN;
        for (int i = 0; i < scores.length; i++) {
            if (flagged[i] && !(scores[i] >= lowest)) {
                lowest = scores[i];
            }
        }
        return lowest;
    }

    private double summaryThreshold() throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(requireFile(summary, "--summary").toFile());
        } catch (JsonProcessingException e) {
            throw new UserInputException("--summary " + summary + " is not valid JSON: " + JsonSyntax.messageWithLocation(e));
        }
        JsonNode t = root == null ? null : root.has("threshold") ? root.get("threshold")
                : root.path("summary").get("threshold");
        if (t == null || !t.isNumber() || !(t.asDouble() >= 0 && t.asDouble() <= 1)) {
            throw new UserInputException("--summary " + summary + " needs a threshold between 0 and 1 (a top-level "
                    + "threshold field, or summary.threshold)");
        }
        return t.asDouble();
    }

    private double[] resultColumn(Table results, String name) {
        Column c = results.column(name);
        if (!(c instanceof Column.Numeric n)) {
            throw new UserInputException("--input " + input + " has no numeric '" + name + "' column; give the "
                    + "file vigil detect run --output wrote (index,score,raw_score,is_anomaly)");
        }
        return n.values();
    }

    private boolean[] flags(Table results) {
        Column c = results.column("is_anomaly");
        if (c == null) {
            throw new UserInputException("--input " + input + " has no 'is_anomaly' column; give the file vigil "
                    + "detect run --output wrote (index,score,raw_score,is_anomaly)");
        }
        return Labels.parse(c, "--input", input);
    }

    private void requireColumn(Table table, String name, String option) {
        if (table.column(name) == null) {
            throw new UserInputException(option + " names column '" + name + "', which " + data
                    + " does not have; columns are " + String.join(", ", table.names()));
        }
    }

    /** The columns named by --x and --y, the rest chosen by how far flagged rows sit from the others. */
    private ResultCharts.Features features(Table table, String labelColumn, boolean[] flagged) {
        List<String> numeric = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c instanceof Column.Numeric && !c.name().equals(labelColumn)) {
                numeric.add(c.name());
            }
        }
        String xName = x == null ? null : numericColumn(table, x, "--x", numeric);
        String yName = y == null ? null : numericColumn(table, y, "--y", numeric);
        List<String> ranked = new ArrayList<>(numeric);
        ranked.sort(Comparator.comparingDouble((String name) ->
                -separation(((Column.Numeric) table.column(name)).values(), flagged)));
        for (String candidate : ranked) {
            if (xName == null && !candidate.equals(yName)) {
                xName = candidate;
            } else if (yName == null && !candidate.equals(xName)) {
                yName = candidate;
            }
        }
        if (xName == null || yName == null) {
            return null;
        }
        return new ResultCharts.Features(xName, ((Column.Numeric) table.column(xName)).values(), yName,
                ((Column.Numeric) table.column(yName)).values());
    }

    private String numericColumn(Table table, String name, String option, List<String> numeric) {
        requireColumn(table, name, option);
        if (!(table.column(name) instanceof Column.Numeric)) {
            throw new UserInputException(option + " names column '" + name + "', which is text in " + data
                    + "; choose a numeric column: " + String.join(", ", numeric));
        }
        return name;
    }

    /**
     * How many pooled standard deviations apart the flagged rows' mean is from the others' (Cohen's d, ignoring
     * missing values); 0 when either group is empty or the column is constant.
     */
    static double separation(double[] values, boolean[] flagged) {
        double[] sum = new double[2];
        double[] sumSq = new double[2];
        long[] n = new long[2];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                int g = flagged[i] ? 1 : 0;
                sum[g] += v;
                sumSq[g] += v * v;
                n[g]++;
            }
        }
        if (n[0] == 0 || n[1] == 0) {
            return 0;
        }
        double m0 = sum[0] / n[0];
        double m1 = sum[1] / n[1];
        double var0 = Math.max(0, sumSq[0] / n[0] - m0 * m0);
        double var1 = Math.max(0, sumSq[1] / n[1] - m1 * m1);
        double pooled = Math.sqrt((var0 + var1) / 2);
        return pooled > 0 ? Math.abs(m1 - m0) / pooled : 0;
    }
}
