package io.vigil.cli;

import io.vigil.core.score.Version;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code vigil} command. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilCommand.VersionProvider.class,
        description = "Anomaly detection for the JVM.")
public final class VigilCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. Picocli builds the model of every command it is given, by
     * reflection, before parsing: all of them cost half a second of start-up, so a command line that names one
     * gets only that one's branch (help, no arguments and unknown names get every command at that level).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(DetectCommand.class, ServeCommand.class, StreamCommand.class,
            LogsCommand.class, MonitorCommand.class, TrafficCommand.class, CommandLine.HelpCommand.class,
            DatasetCommand.class, DetectorCommand.class);

    /**
     * The subcommands of each command group, in the order its help lists them. They are kept here, not in the
     * groups' annotations (which picocli would follow eagerly), for the same reason as {@link #SUBCOMMANDS}.
     */
    static final Map<Class<?>, List<Class<?>>> GROUPS = Map.of(
            DetectCommand.class, List.of(DetectRunCommand.class, DetectAlgorithmsCommand.class,
                    DetectResultsCommand.class, DetectVisualizeCommand.class),
            StreamCommand.class, List.of(StreamObserveCommand.class),
            LogsCommand.class, List.of(LogsImportCommand.class, LogsAnomaliesCommand.class),
            DatasetCommand.class, List.of(DatasetCommand.Import.class, DatasetCommand.CreateSample.class,
                    DatasetCommand.Info.class, DatasetCommand.Preview.class, DatasetCommand.ListDatasets.class,
                    DatasetCommand.Delete.class),
            DetectorCommand.class, List.of(DetectorCommand.Create.class, DetectorCommand.ListDetectors.class,
                    DetectorCommand.Show.class, DetectorCommand.Delete.class));

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
        InputPrefetch prefetch = InputPrefetch.start(args);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DetectRunCommand.class ? type.cast(new DetectRunCommand(prefetch))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new VigilCommand(), factory);
        boolean versionOnly = args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
        if (!versionOnly) {
            addSubcommands(cli, SUBCOMMANDS, args, 0, factory);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args);
    }

    /** Adds the subcommand that {@code args[level]} names with its own branch, or every one when none is named. */
    private static void addSubcommands(CommandLine parent, List<Class<?>> children, String[] args, int level,
                                       CommandLine.IFactory factory) {
        String named = args.length > level ? args[level] : null;
        Class<?> only = null;
        for (Class<?> c : children) {
            if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(named)) {
                only = c;
            }
        }
        for (Class<?> c : children) {
            if (only == null || c == only) {
                CommandLine child = new CommandLine(c, factory);
                addSubcommands(child, GROUPS.getOrDefault(c, List.of()), only == null ? new String[0] : args,
                        level + 1, factory);
                parent.addSubcommand(child);
            }
        }
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
