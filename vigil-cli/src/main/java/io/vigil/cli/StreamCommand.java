package io.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil stream}: detectors that learn while they score, one observation at a time. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Score a stream of JSON payloads or numeric points, learning as it goes.")
final class StreamCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
