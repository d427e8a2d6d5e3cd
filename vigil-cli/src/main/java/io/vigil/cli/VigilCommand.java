package io.vigil.cli;

import io.vigil.core.score.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code vigil} command. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilCommand.VersionProvider.class,
        description = "Anomaly detection for the JVM.",
        subcommands = {DetectCommand.class, ServeCommand.class, StreamCommand.class, LogsCommand.class,
                CommandLine.HelpCommand.class, DatasetCommand.class, DetectorCommand.class})
public final class VigilCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code: 0 done, 1 internal error, 2 bad input. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)} with the given output streams (for tests and embedding). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new VigilCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vigil " + Version.current()};
        }
    }
}
