package io.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil detect}: batch detection on files. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Fit a detector and flag anomalous rows.")
final class DetectCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
