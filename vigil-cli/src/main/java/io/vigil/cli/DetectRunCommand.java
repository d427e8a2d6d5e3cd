package io.vigil.cli;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Column;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.encode.IdentifierColumns;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.eval.Evaluation;
import io.vigil.core.explain.Explainer;
import io.vigil.core.explain.Explanation;
import io.vigil.core.modelfile.ModelFile;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.Scores;
import io.vigil.core.score.ThresholdRule;
import io.vigil.core.score.TrainingOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code vigil detect run}: fit on a CSV file, score every row, write the scores and print a summary; or, with
 * {@code --detector} and {@code --dataset}, run a named detector on a stored dataset as a workflow run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Fit a detector on every row of a CSV file (with a header) and score the same rows.",
                "Every column not excluded (and not the label) is a feature; text columns are encoded with an "
                        + "inferred schema.",
                "Or run a named detector (vigil detector create) on a stored dataset (vigil dataset import) with "
                        + "--detector and --dataset: the run is stored, vigil detect results shows it."})
final class DetectRunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputPrefetch prefetch;

    DetectRunCommand(InputPrefetch prefetch) {
        this.prefetch = prefetch;
    }

    @Option(names = "--algorithm", defaultValue = "auto", paramLabel = "NAME",
            description = "Detector to use (default: ${DEFAULT-VALUE}, an ensemble of isolation_forest, ecod and "
                    + "knn); vigil detect algorithms lists them.")
    String algorithm;

    @Option(names = "--input", paramLabel = "FILE", description = "CSV file with a header row, "
            + "optionally gzip-compressed (.csv.gz).")
    Path input;

    @Option(names = "--detector", paramLabel = "NAME", description = "Named detector to run on --dataset "
            + "(instead of --input).")
    String detectorName;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Stored dataset to run --detector on.")
    String datasetName;

    @picocli.CommandLine.Mixin
    DataDirOption dataDir;

    @Option(names = "--exclude", paramLabel = "COL", description = "Column to leave out; repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--label", paramLabel = "COL", description = "Column of known labels (1/true = anomaly): "
            + "not used for fitting, only to report ROC-AUC, average precision, precision, recall and F1.")
    String label;

    @Option(names = "--contamination", defaultValue = "0.1", paramLabel = "C",
            description = "Expected share of anomalies in the data, in (0, 0.5], or auto to learn the threshold "
                    + "from the score distribution alone (Tukey's fence); default: ${DEFAULT-VALUE}.")
    String contaminationText;

    @Option(names = "--calibrate", arity = "0..1", fallbackValue = "0.2", paramLabel = "FRACTION",
            description = "Hold out FRACTION of the rows (default 0.2) to calibrate conformal p-values; adds a "
                    + "p_value column (low = anomalous).")
    Double calibrate;

    @Option(names = "--alpha", paramLabel = "A", description = "With --calibrate: flag rows whose p-value is at "
            + "most A (about an A share of normal rows is then flagged), instead of using the threshold.")
    Double alpha;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Random seed (default: 0).")
    long seed;

    @Option(names = "--threshold", paramLabel = "T", description = "Flag rows whose 0..1 score is above T "
            + "instead of the threshold learned from the contamination.")
    Double threshold;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Detector parameter, e.g. trees=200; "
            + "repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--explain", paramLabel = "K", description = "Add a top_features column: each row's K features "
            + "that contribute most to its score, as JSON (feature, contribution share, value, normal value).")
    Integer explain;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--output", paramLabel = "OUT.csv",
            description = "Where to write index,score,raw_score,is_anomaly, one row per input row.")
    Path output;

    @Option(names = "--save-model", paramLabel = "FILE", description = "Also save the fitted model to FILE.")
    Path saveModel;

    @Override
    public Integer call() throws Exception {
        if (detectorName != null || datasetName != null) {
            return NamedRun.run(this);
        }
        if (input == null) {
            throw new UserInputException("--input: give a CSV file, or --detector NAME and --dataset NAME to run "
                    + "a named detector on a stored dataset");
        }
        PrintWriter out = spec.commandLine().getOut();
        DetectorRegistry registry = DetectorRegistry.standard();
        int workers = threads == null ? ParallelLoop.defaultThreads() : threads;
        if (workers <= 0) {
            throw new UserInputException("--threads must be greater than 0");
        }
        double contamination = TrainingOptions.parseContamination(contaminationText);
        TrainingOptions options = new TrainingOptions(contamination, seed, calibrate == null ? 0 : calibrate,
                Clock.systemUTC());
        if (explain == null && saveModel == null) {
            // The model is dropped at exit and explains nothing: the baseline would be a pass for nothing.
            options = options.withoutBaseline();
        }
        if (alpha != null && (calibrate == null || !(alpha > 0 && alpha < 1))) {
            throw new UserInputException(calibrate == null ? "--alpha needs --calibrate"
                    : "--alpha must be between 0 and 1, got " + alpha);
        }
        if (explain != null && explain < 1) {
            throw new UserInputException("--explain must be at least 1, got " + explain);
        }
        if (explain != null && output == null) {
            throw new UserInputException("--explain adds a column to --output; give --output too");
        }
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new UserInputException("--threshold must be between 0 and 1, got " + threshold);
        }
        // Check the algorithm and its parameters before waiting for the file (InputPrefetch has begun reading it).
        Detector detector = registry.create(algorithm,
                new DetectorParameters(params, seed, Double.isNaN(contamination) ? 0.1 : contamination, workers));

        long t0 = prefetch.startNanos(input, System.nanoTime());
        Table table = prefetch.read(input);
        Set<String> dropped = new LinkedHashSet<>(exclude);
        for (String col : exclude) {
            requireColumn(table, col, "--exclude");
        }
        boolean[] labels = null;
        if (label != null) {
            requireColumn(table, label, "--label");
            labels = labels(table.column(label));
            dropped.add(label);
        }
        Table features = table.without(dropped);
        if (features.columns().isEmpty()) {
            throw new UserInputException(input + ": no feature columns are left after --exclude and --label");
        }
        for (String id : IdentifierColumns.find(features)) {
            // Kept, as documented (every column not excluded is a feature), but hashed it is only noise.
            spec.commandLine().getErr().printf(Locale.ROOT, "vigil: note: column '%s' has a different value in "
                    + "every row (an identifier); hashed, it is a feature of pure noise. Leave it out with "
                    + "--exclude %s%n", id, id);
        }
        SchemaEncoder encoder = SchemaEncoder.fit(features, null);
        Matrix matrix = encoder.encode(features);
        long readMillis = (System.nanoTime() - t0) / 1_000_000;

        AnomalyModel.Training training = AnomalyModel.train(detector, encoder, matrix, options);
        Scores scores = threshold == null ? training.trainingScores()
                : training.model().scoreEncoded(matrix, threshold);
        if (alpha != null) {
            scores = scores.flaggedByPValue(alpha);
        }
        List<Explanation> explanations = null;
        if (explain != null) {
            explanations = Explainer.forModel(training.model()).explain(matrix, explain);
        }
        FutureTask<Void> written = null;
        if (output != null) {
            // Formatting takes every core; writing is mostly waiting on the disk (fsync), so the model file and the
            // evaluation overlap it instead of competing with the formatting.
            ResultsCsv.Text text = ResultsCsv.format(scores, explanations);
            written = new FutureTask<>(() -> {
                text.writeTo(output);
                return null;
            });
            new Thread(written, "results-writer").start();
        }
        if (saveModel != null) {
            ModelFile.standard().write(saveModel, training.model());
        }
        Evaluation evaluation = labels == null ? null : Evaluation.of(scores.normalized(), scores.anomalous(), labels);
        if (written != null) {
            try {
                written.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        printSummary(out, table.rows(), matrix.cols(), scores, training, readMillis, evaluation);
        return 0;
    }

    private void printSummary(PrintWriter out, int rows, int features, Scores scores, AnomalyModel.Training t,
                              long readMillis, Evaluation e) {
        int flagged = scores.anomalyCount();
        out.printf(Locale.ROOT, "algorithm      %s%n", algorithm);
        out.printf(Locale.ROOT, "rows           %d%n", rows);
        out.printf(Locale.ROOT, "features       %d%n", features);
        out.printf(Locale.ROOT, "anomalies      %d (%.2f%%)%n", flagged, 100.0 * flagged / Math.max(1, rows));
        if (alpha != null) {
            out.printf(Locale.ROOT, "p-value alpha  %s%n", alpha);
        } else {
            out.printf(Locale.ROOT, "threshold      %.4f (%s)%n", scores.threshold(),
                    threshold != null ? "given" : t.model().thresholdRule() == ThresholdRule.AUTO
                            ? "auto: flags " + String.format(Locale.ROOT, "%.2f%%", 100 * t.model().contamination())
                            + " of training rows" : "contamination " + t.model().contamination());
        }
        out.printf(Locale.ROOT, "read ms        %d%n", readMillis);
        out.printf(Locale.ROOT, "fit ms         %d%n", t.fitMillis());
        out.printf(Locale.ROOT, "score ms       %d%n", t.scoreMillis());
        if (e != null) {
            out.printf(Locale.ROOT, "roc_auc        %.4f%n", e.rocAuc());
            out.printf(Locale.ROOT, "avg_precision  %.4f%n", e.averagePrecision());
            out.printf(Locale.ROOT, "precision      %.4f%n", e.precision());
            out.printf(Locale.ROOT, "recall         %.4f%n", e.recall());
            out.printf(Locale.ROOT, "f1             %.4f%n", e.f1());
        }
        if (output != null) {
            out.printf(Locale.ROOT, "output         %s%n", output);
        }
        if (saveModel != null) {
            out.printf(Locale.ROOT, "model          %s%n", saveModel);
        }
        out.flush();
    }

    private void requireColumn(Table table, String name, String option) {
        if (table.column(name) == null) {
            throw new UserInputException(input + ": " + option + " names column '" + name
                    + "', which the header does not have; columns are " + String.join(", ", table.names()));
        }
    }

    /** Labels: numbers (non-zero = anomaly) or true/false, yes/no, anomaly/normal, outlier/inlier. */
    private boolean[] labels(Column column) {
        boolean[] out = new boolean[column.size()];
        if (column instanceof Column.Numeric n) {
            double[] v = n.values();
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i])) {
                    throw new UserInputException(input + ": data row " + (i + 1) + ": label column '" + label
                            + "' is empty; every row needs a label (1 = anomaly, 0 = normal)");
                }
                out[i] = v[i] != 0;
            }
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            Object v = column.get(i);
            String s = v == null ? "" : v.toString().trim().toLowerCase(Locale.ROOT);
            switch (s) {
                case "true", "yes", "anomaly", "outlier", "1" -> out[i] = true;
                case "false", "no", "normal", "inlier", "0" -> out[i] = false;
                default -> throw new UserInputException(input + ": data row " + (i + 1) + ": label column '"
                        + label + "' has '" + s + "'; use 1/0, true/false or anomaly/normal");
            }
        }
        return out;
    }
}
