package io.vigil.cli;

import io.vigil.workflow.DetectorRequest;
import io.vigil.workflow.DetectorSpec;
import io.vigil.workflow.Workflow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil detector}: named detectors (algorithm, parameters, columns) kept under the data directory. */
@Command(name = "detector", mixinStandardHelpOptions = true,
        description = "Create, list, show and delete named detectors.")
final class DetectorCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(PrintWriter out, DetectorSpec d) {
        out.printf(Locale.ROOT, "detector       %s%n", d.name());
        out.printf(Locale.ROOT, "algorithm      %s%n", d.algorithm());
        out.printf(Locale.ROOT, "contamination  %s%n", d.contamination() == null ? "auto" : d.contamination());
        out.printf(Locale.ROOT, "parameters     %s%n", d.parameters().isEmpty() ? "(defaults)" : d.parameters());
        out.printf(Locale.ROOT, "seed           %d%n", d.seed());
        if (!d.columns().isEmpty()) {
            out.printf(Locale.ROOT, "columns        %s%n", String.join(", ", d.columns()));
        }
        if (!d.exclude().isEmpty()) {
            out.printf(Locale.ROOT, "exclude        %s%n", String.join(", ", d.exclude()));
        }
        if (!d.description().isEmpty()) {
            out.printf(Locale.ROOT, "description    %s%n", d.description());
        }
        out.printf(Locale.ROOT, "created        %s%n", d.createdAt());
        out.flush();
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a named detector; its parameters are checked now by building it.")
    static final class Create extends WorkflowSubcommand {
        // Not required by picocli: the service's own checks report a missing name or algorithm in one line.
        @Option(names = "--name", paramLabel = "NAME", description = "Detector name (required): letters, digits, "
                + "'_' or '-'.")
        String name;

        @Option(names = "--algorithm", paramLabel = "A", description = "Required: a name from vigil detect "
                + "algorithms, or IsolationForest, LOF, OneClassSVM, KNN, ECOD, COPOD, HBOS, AutoEncoder.")
        String algorithm;

        @Option(names = "--contamination", defaultValue = "0.1", paramLabel = "C",
                description = "Expected share of anomalies in (0, 0.5], or auto (default: ${DEFAULT-VALUE}).")
        String contamination;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Detector parameter, e.g. trees=200; "
                + "repeatable.")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--columns", split = ",", paramLabel = "COL", description = "Only these columns "
                + "(comma-separated; default: every column but the label).")
        List<String> columns = new ArrayList<>();

        @Option(names = "--exclude", split = ",", paramLabel = "COL", description = "Columns to leave out "
                + "(comma-separated or repeated), such as identifiers.")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Random seed (default: 0).")
        long seed;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the detector is for.")
        String description;

        @Override
        void run(Workflow w, PrintWriter out) {
            Map<String, Object> typed = new LinkedHashMap<>();
            params.forEach((k, v) -> typed.put(k, typed(v)));
            print(out, w.detectors().create(new DetectorRequest(name, algorithm, typed, contamination, columns,
                    exclude, seed, description)));
        }
    }

    /** A KEY=VALUE value as JSON would carry it, so the stored detector reads {"trees": 200}, not "200". */
    static Object typed(String value) {
        return io.vigil.workflow.ParameterLines.value(value);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every named detector.")
    static final class ListDetectors extends WorkflowSubcommand {
        @Override
        void run(Workflow w, PrintWriter out) {
            TextTable t = new TextTable("name", "algorithm", "contamination", "parameters", "description")
                    .maxCell(40);
            for (DetectorSpec d : w.detectors().list()) {
                t.row(d.name(), d.algorithm(), d.contamination() == null ? "auto" : d.contamination(),
                        d.parameters().isEmpty() ? "" : d.parameters(), d.description());
            }
            t.print(out);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One named detector.")
    static final class Show extends WorkflowSubcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(Workflow w, PrintWriter out) {
            print(out, w.detectors().get(name));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a named detector.")
    static final class Delete extends WorkflowSubcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(Workflow w, PrintWriter out) {
            w.detectors().delete(name);
            out.println("deleted detector " + name);
        }
    }
}
