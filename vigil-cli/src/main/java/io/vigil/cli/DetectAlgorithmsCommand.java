package io.vigil.cli;

import io.vigil.core.detect.DetectorRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil detect algorithms}: the detectors that {@code --algorithm} accepts. */
@Command(name = "algorithms", mixinStandardHelpOptions = true,
        description = "List the detectors that --algorithm accepts.")
final class DetectAlgorithmsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DetectorRegistry registry = DetectorRegistry.standard();
        int width = registry.names().stream().mapToInt(String::length).max().orElse(10) + 2;
        for (String name : registry.names()) {
            out.printf(Locale.ROOT, "%-" + width + "s%s%n", name, registry.factory(name).description());
        }
        out.flush();
        return 0;
    }
}
