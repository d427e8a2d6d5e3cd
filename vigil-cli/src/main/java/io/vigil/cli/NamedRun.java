package io.vigil.cli;

import io.vigil.workflow.RunInfo;
import io.vigil.workflow.RunState;
import io.vigil.workflow.Workflow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code vigil detect run --detector X --dataset Y}: starts a workflow run in-process on the data directory,
 * follows its progress, and on Ctrl-C cancels it so it ends {@code cancelled} rather than orphaned.
 */
final class NamedRun {
    /** The options that shape a run on an --input file; a named detector carries its own settings. */
    private static final List<String> FILE_OPTIONS = List.of("--algorithm", "--exclude", "--label",
            "--contamination", "--calibrate", "--alpha", "--seed", "--threshold", "--param", "--explain", "--threads",
            "--save-model");

    private NamedRun() {
    }

    static int run(DetectRunCommand c) throws InterruptedException {
        if (c.input != null) {
            throw new UserInputException("--input cannot be combined with --detector/--dataset; give either a CSV "
                    + "file or a named detector and a stored dataset");
        }
        if (c.detectorName == null) {
            throw new UserInputException("--detector: give the named detector to run on dataset '" + c.datasetName
                    + "' (vigil detector list shows them)");
        }
        if (c.datasetName == null) {
            throw new UserInputException("--dataset: give the stored dataset to run detector '" + c.detectorName
                    + "' on (vigil dataset list shows them)");
        }
        var parsed = c.spec.commandLine().getParseResult();
        for (String option : FILE_OPTIONS) {
            if (parsed.hasMatchedOption(option)) {
                throw new UserInputException(option + " applies to --input files; a named detector carries its own "
                        + "settings (vigil detector create)");
            }
        }
        PrintWriter out = c.spec.commandLine().getOut();
        try (Workflow w = c.dataDir.open()) {
            RunInfo started = w.runs().start(c.detectorName, c.datasetName);
            Thread cancelOnExit = new Thread(() -> {
                w.runs().cancel(started.id());
                try {
                    w.runs().await(started.id(), java.time.Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "vigil-cancel-run");
            Runtime.getRuntime().addShutdownHook(cancelOnExit);
            RunInfo run;
            try {
                run = RunProgressDisplay.follow(w, started.id(), out, System.console() != null);
            } finally {
                Runtime.getRuntime().removeShutdownHook(cancelOnExit);
            }
            if (run.state() == RunState.SUCCEEDED && c.output != null) {
                w.runs().exportCsv(run.id(), false, c.output);
            }
            DetectResultsCommand.print(out, run);
            if (run.state() != RunState.SUCCEEDED) {
                c.spec.commandLine().getErr().printf(Locale.ROOT, "vigil: run %s %s%s%n", run.id(),
                        run.state().jsonName(), run.message() == null ? "" : ": " + run.message());
                c.spec.commandLine().getErr().flush();
                return ErrorReporter.INTERNAL;
            }
            if (c.output != null) {
                out.printf(Locale.ROOT, "output         %s%n", c.output);
            }
            out.flush();
            return 0;
        }
    }
}
