package io.vigil.cli;

import io.vigil.workflow.Workflow;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A {@code dataset} or {@code detector} subcommand: it works in-process on the workflow under {@code --data-dir},
 * opened for the command and closed after it.
 */
abstract class WorkflowSubcommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    DataDirOption dataDir;

    @Override
    public final Integer call() {
        check();
        PrintWriter out = spec.commandLine().getOut();
        try (Workflow w = dataDir.open()) {
            run(w, out);
        }
        out.flush();
        return 0;
    }

    /** Checks the options before the workflow is opened; the default has nothing to check. */
    void check() {
    }

    abstract void run(Workflow workflow, PrintWriter out);
}
