package io.vigil.cli;

import io.vigil.workflow.ResultPage;
import io.vigil.workflow.RunInfo;
import io.vigil.workflow.RunMetrics;
import io.vigil.workflow.RunState;
import io.vigil.workflow.RunSummary;
import io.vigil.workflow.Workflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil detect results}: a stored run's summary, metrics and top flagged rows. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Show a run of vigil detect run --detector/--dataset: summary, metrics against the label "
                + "column, and the highest-scoring flagged rows.")
final class DetectResultsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    DataDirOption dataDir;

    @Option(names = "--latest", description = "The most recent run.")
    boolean latest;

    @Option(names = "--run", paramLabel = "ID", description = "The run with this id (vigil detect results --latest "
            + "shows it).")
    String run;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N",
            description = "Flagged rows to show, 0 to 1000 (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--output", paramLabel = "OUT.csv", description = "Also write the results as CSV "
            + "(index, score, raw_score, is_anomaly, then the dataset's columns).")
    Path output;

    @Option(names = "--anomalies-only", description = "With --output: only the flagged rows.")
    boolean anomaliesOnly;

    @Override
    public Integer call() {
        if (latest == (run != null)) {
            throw new UserInputException("give either --latest or --run ID");
        }
        if (top < 0 || top > 1000) {
            throw new UserInputException("--top must be between 0 and 1000, got " + top);
        }
        if (anomaliesOnly && output == null) {
            throw new UserInputException("--anomalies-only applies to the --output file; give --output OUT.csv");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workflow w = dataDir.open()) {
            RunInfo r = latest ? w.runs().latest() : w.runs().get(run);
            print(out, r);
            if (r.state() == RunState.SUCCEEDED) {
                if (top > 0 && r.summary().anomalies() > 0) {
                    out.println();
                    printTop(out, w.runs().results(r.id(), 0, top, true, "score"));
                }
                if (output != null) {
                    w.runs().exportCsv(r.id(), anomaliesOnly, output);
                    out.printf(Locale.ROOT, "output         %s%n", output);
                }
            } else if (output != null) {
                throw new UserInputException("--output: run " + r.id() + " is " + r.state().jsonName()
                        + " and has no results");
            }
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, RunInfo r) {
        out.printf(Locale.ROOT, "run            %s%n", r.id());
        out.printf(Locale.ROOT, "state          %s%s%n", r.state().jsonName(),
                r.message() == null ? "" : " (" + r.message() + ")");
        out.printf(Locale.ROOT, "detector       %s (%s)%n", r.detector(), r.algorithm());
        out.printf(Locale.ROOT, "dataset        %s%n", r.dataset());
        out.printf(Locale.ROOT, "created        %s%n", r.createdAt());
        RunSummary s = r.summary();
        if (s != null) {
            out.printf(Locale.ROOT, "rows           %d%n", s.rows());
            out.printf(Locale.ROOT, "features       %d%n", s.features());
            if (!s.ignoredColumns().isEmpty()) {
                out.printf(Locale.ROOT, "left out       %s (identifiers: a value of their own in every row)%n",
                        String.join(", ", s.ignoredColumns()));
            }
            out.printf(Locale.ROOT, "anomalies      %d (%.2f%%)%n", s.anomalies(), 100 * s.anomalyRate());
            out.printf(Locale.ROOT, "threshold      %.4f (%s)%n", s.threshold(), s.thresholdRule());
            out.printf(Locale.ROOT, "fit ms         %d%n", s.fitMillis());
            out.printf(Locale.ROOT, "score ms       %d%n", s.scoreMillis());
        }
        RunMetrics m = r.metrics();
        if (m != null) {
            out.printf(Locale.ROOT, "label          %s (%d anomalies)%n", m.labelColumn(), m.positives());
            out.printf(Locale.ROOT, "roc_auc        %s%n", m.rocAuc() == null ? "n/a" : fmt(m.rocAuc()));
            out.printf(Locale.ROOT, "avg_precision  %s%n", m.averagePrecision() == null ? "n/a"
                    : fmt(m.averagePrecision()));
            out.printf(Locale.ROOT, "precision      %s%n", fmt(m.precision()));
            out.printf(Locale.ROOT, "recall         %s%n", fmt(m.recall()));
            out.printf(Locale.ROOT, "f1             %s%n", fmt(m.f1()));
            RunMetrics.ConfusionMatrix c = m.confusionMatrix();
            out.printf(Locale.ROOT, "confusion      tp %d  fp %d  tn %d  fn %d%n", c.truePositives(),
                    c.falsePositives(), c.trueNegatives(), c.falseNegatives());
        }
        out.flush();
    }

    private static void printTop(PrintWriter out, ResultPage page) {
        List<String> header = new ArrayList<>(List.of("index", "score"));
        header.addAll(page.columns());
        TextTable t = new TextTable(header.toArray(String[]::new)).maxCell(40);
        for (ResultPage.Row row : page.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.index());
            cells.add(row.score() == null ? "" : fmt(row.score()));
            for (Map.Entry<String, Object> e : row.values().entrySet()) {
                cells.add(DatasetCommand.number(e.getValue()));
            }
            t.row(cells.toArray());
        }
        out.printf(Locale.ROOT, "top %d of %d flagged rows by score:%n", page.rows().size(), page.total());
        t.print(out);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
