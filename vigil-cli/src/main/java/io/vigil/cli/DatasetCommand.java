package io.vigil.cli;

import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.sample.SampleKind;
import io.vigil.core.sample.SampleSpec;
import io.vigil.workflow.ColumnStats;
import io.vigil.workflow.DatasetInfo;
import io.vigil.workflow.DatasetPreview;
import io.vigil.workflow.Workflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil dataset}: datasets kept under the data directory, shared with a server on the same directory. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Import, inspect and delete datasets (stored as Parquet under DATA_DIR/workflow/datasets).")
final class DatasetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String number(Object v) {
        if (v instanceof Double d) {
            double a = Math.abs(d);
            if (a != 0 && (a < 1e-4 || a >= 1e12)) {
                return String.format(Locale.ROOT, "%.4e", d);
            }
            return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(6)).stripTrailingZeros()
                    .toPlainString();
        }
        return v == null ? "" : v.toString();
    }

    static void printInfo(PrintWriter out, DatasetInfo info) {
        out.printf(Locale.ROOT, "dataset   %s%n", info.id());
        out.printf(Locale.ROOT, "rows      %d%n", info.rows());
        out.printf(Locale.ROOT, "columns   %d%n", info.columns().size());
        out.printf(Locale.ROOT, "label     %s%n", info.labelColumn() == null ? "(none)" : info.labelColumn());
        out.printf(Locale.ROOT, "source    %s (%s)%n", info.source(), info.format());
        out.printf(Locale.ROOT, "created   %s%n", info.createdAt());
        out.flush();
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a CSV (optionally .csv.gz) or Parquet file; DuckDB infers the column types.")
    static final class Import extends WorkflowSubcommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "CSV, CSV.GZ or Parquet file.")
        Path file;

        // Not required by picocli: the service's own check reports a missing name in one line.
        @Option(names = "--name", paramLabel = "NAME", description = "Dataset name (required): letters, digits, "
                + "'_' or '-'.")
        String name;

        @Option(names = "--label", paramLabel = "COL", description = "Column of known labels (1/true = anomaly); "
                + "by default a column named label, is_anomaly, is_fraud, ... is used when there is one.")
        String label;

        @Option(names = "--format", paramLabel = "FMT", description = "csv or parquet (default: from the file name).")
        String format;

        @Override
        void run(Workflow w, PrintWriter out) {
            printInfo(out, w.datasets().importFile(name, file, format, label));
        }
    }

    @Command(name = "create-sample", mixinStandardHelpOptions = true,
            description = "Create a seeded sample dataset with planted, labelled anomalies: ecommerce (transactions "
                    + "with fraud), sensor (readings with faults) or api_traffic (requests with incidents).")
    static final class CreateSample extends WorkflowSubcommand {
        @Option(names = "--name", paramLabel = "NAME", description = "Dataset name (required).")
        String name;

        @Option(names = "--type", paramLabel = "TYPE", description = "ecommerce, sensor or api_traffic (required).")
        String type;

        @Option(names = "--size", paramLabel = "ROWS", defaultValue = "1000", description = "Rows (default 1000).")
        int size;

        @Option(names = "--anomaly-rate", paramLabel = "RATE", defaultValue = "0.05",
                description = "Share of anomalous rows, 0 to 0.5 (default 0.05).")
        double anomalyRate;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default 42).")
        long seed;

        private SampleSpec sample;

        @Override
        void check() {
            if (type == null) {
                throw new UserInputException("--type is required: ecommerce, sensor or api_traffic");
            }
            try {
                sample = new SampleSpec(SampleKind.parse(type), size, anomalyRate, seed);
            } catch (InvalidParameterException e) {
                String option = switch (e.parameter()) {
                    case "rows" -> "--size";
                    case "anomaly_rate" -> "--anomaly-rate";
                    default -> "--" + e.parameter();
                };
                throw new UserInputException(option + ": " + e.getMessage());
            }
        }

        @Override
        void run(Workflow w, PrintWriter out) {
            printInfo(out, w.datasets().createSample(name, sample));
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "A dataset's metadata and per-column statistics.")
    static final class Info extends WorkflowSubcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(Workflow w, PrintWriter out) {
            printInfo(out, w.datasets().get(name));
            out.println();
            TextTable t = new TextTable("column", "type", "missing", "distinct", "min", "max", "mean", "std",
                    "top values").maxCell(40);
            for (ColumnStats s : w.datasets().stats(name)) {
                String top = s.topValues() == null ? "" : String.join(", ", s.topValues().stream()
                        .map(v -> v.value() + " (" + v.count() + ")").toList());
                t.row(s.name(), s.type(), s.missing(), s.distinct(), number(s.min()), number(s.max()),
                        number(s.mean()), number(s.std()), top);
            }
            t.print(out);
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true, description = "The first rows of a dataset.")
    static final class Preview extends WorkflowSubcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--rows", defaultValue = "10", paramLabel = "N",
                description = "Rows to show, 1 to 1000 (default: ${DEFAULT-VALUE}).")
        int rows;

        @Override
        void run(Workflow w, PrintWriter out) {
            DatasetPreview p = w.datasets().preview(name, rows);
            TextTable t = new TextTable(p.columns().stream().map(c -> c.name()).toArray(String[]::new))
                    .maxCell(40);
            for (List<Object> row : p.rows()) {
                t.row(row.stream().map(DatasetCommand::number).toArray());
            }
            t.print(out);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every dataset.")
    static final class ListDatasets extends WorkflowSubcommand {
        @Override
        void run(Workflow w, PrintWriter out) {
            TextTable t = new TextTable("name", "rows", "columns", "label", "source", "created").maxCell(40);
            for (DatasetInfo d : w.datasets().list()) {
                t.row(d.id(), d.rows(), d.columns().size(), d.labelColumn(), d.source(), d.createdAt());
            }
            t.print(out);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a dataset.")
    static final class Delete extends WorkflowSubcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(Workflow w, PrintWriter out) {
            w.datasets().delete(name);
            out.println("deleted dataset " + name);
        }
    }
}
